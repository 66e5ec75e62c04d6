package schema

import (
	"sort"
	"strconv"
	"strings"

	"scanpage/schema/gtin"
)

// MaxDocuments is how many products one account may hold (API doc: "一个账号
// 最多支持创建10万条商品信息"). A catalogue with more is an error at the
// first document past the limit.
const MaxDocuments = 100000

// maxUnverifiedListed caps the lists of a Summary (codes under no verified firm code)
// so that a summary stays small whatever the catalogue.
const maxUnverifiedListed = 1000

// A DocRef says where a document stands in the input it was read from: the
// file's name as the user gave it, and the position of the document's first
// character in that file (line 1, column 1, offset 0 for a whole file; the
// line of an NDJSON line, or where an array element starts). Column and
// Offset count UTF-16 units, like every Issue.
type DocRef struct {
	Name         string
	Line, Column int
	Offset       int
}

// Place moves an issue found in the document's own text to the file's
// coordinates: line, column and offset, and the offset of its fix's edit.
// An issue of another source (the merchant context) is returned as it is.
func (r DocRef) Place(is Issue) Issue {
	if is.Source == SourceMerchant || r.Line == 0 {
		return is
	}
	if is.Line == 1 {
		is.Column += r.Column - 1
	}
	is.Line += r.Line - 1
	is.Offset += r.Offset
	if is.Fix != nil && is.Fix.Edit != nil {
		f := *is.Fix
		e := *f.Edit
		e.Offset += r.Offset
		f.Edit = &e
		is.Fix = &f
	}
	return is
}

// at names a place in a file the way a compiler does: name:line:column.
func at(name string, line, column int) string {
	return name + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(column)
}

// A CatalogueIssue is an issue that needs more than one document to be
// found, or one about the merchant context of the whole check. Name and
// Line say which document (file, and the document's line in it); Issue is
// positioned in the file.
type CatalogueIssue struct {
	Name  string `json:"name"`
	Line  int    `json:"line"`
	Issue Issue  `json:"issue"`
}

// A Summary is what a merchant wants to see of a whole catalogue.
type Summary struct {
	Documents int `json:"documents"`
	Valid     int `json:"valid"`
	Invalid   int `json:"invalid"`
	// Severities counts every issue (documents', cross-document and the
	// merchant context's) by severity: "error", "warning", "info".
	Severities map[Severity]int `json:"severities"`
	// Codes counts every issue by its code.
	Codes map[string]int `json:"codes"`
	// FirmCodes counts documents by firm code, most documents first. With
	// a merchant context these are its verified firm codes; without one,
	// the firm code GB 12904 gives a GS1 China code (other codes are not
	// counted, their firm code's length is not fixed).
	FirmCodes []FirmCount `json:"firmCodes"`
	// Unverified counts documents whose keystr is under none of the
	// merchant's verified firm codes (0 without a merchant context);
	// UnverifiedCodes lists the first 1,000 of their codes.
	Unverified      int      `json:"unverified"`
	UnverifiedCodes []string `json:"unverifiedCodes"`
	// Categories counts documents by category_id as written ("" for none).
	Categories []CategoryCount `json:"categories"`
}

// A FirmCount is how many documents lie under one firm code.
type FirmCount struct {
	FirmCode  string `json:"firmCode"`
	Verified  bool   `json:"verified"`
	Documents int    `json:"documents"`
}

// A CategoryCount is how many documents name one category_id.
type CategoryCount struct {
	Category  string `json:"category"`
	Documents int    `json:"documents"`
}

// CatalogueOptions tune a Catalogue.
type CatalogueOptions struct {
	Lang Lang
	// Merchant is the merchantinfo/get response applied to every document,
	// "" for none; MerchantName names it in issues (its file name).
	Merchant     string
	MerchantName string
}

// A Catalogue checks the rules no single document can break: fed the
// documents one at a time, in input order (Add), it keeps only what the
// rules need — each code's first place, the recommended codes not yet seen,
// counts — so memory stays bounded by the number of distinct codes, never
// by the texts.
//
// The rules, each positioned where the later document breaks it:
//   - catalogue.keystr.duplicate (error): a keystr already used by an
//     earlier document, at the second one's keystr, naming the first;
//   - catalogue.keystandard.conflict (error): a code under another
//     keystandard than where it was first seen (a document or a
//     recommend_list item);
//   - catalogue.limit (error): the 100,001st document (the account limit);
//   - catalogue.recommend.outside (warning, at Finish): a recommend_list
//     code that no document of the catalogue has — recommended products
//     must be published under the same account.
type Catalogue struct {
	opts     CatalogueOptions
	codes    map[string]*codeState // every code seen, as a keystr or recommended
	states   []codeState           // the slab codes' states are cut from
	merchant []CatalogueIssue
	firms    []string // the merchant's verified firm codes
	hasFirms bool
	perFirm  map[string]int
	perCate  map[string]int
	sum      Summary
}

// A codeState is what the catalogue knows of one code: one map lookup a
// code, where there were three maps (documents, keystandards, pending
// recommendations): the cross pass is hashing strings, and in wasm, which
// hashes without AES, that was most of its time.
type codeState struct {
	doc     first        // the document whose keystr it is, when hasDoc
	std     first        // where its keystandard was first seen, when hasStd
	pending []pendingRef // where it was recommended before any document had it
	hasDoc  bool
	hasStd  bool
}

// state returns code's state, new when code was never seen.
func (c *Catalogue) state(code string) *codeState {
	if st, ok := c.codes[code]; ok {
		return st
	}
	if len(c.states) == cap(c.states) {
		c.states = make([]codeState, 0, 1024)
	}
	c.states = c.states[:len(c.states)+1]
	st := &c.states[len(c.states)-1]
	c.codes[code] = st
	return st
}

// A pendingRef is a recommended code that no document has had yet: doc
// numbers the document, for input order, and ref and span say where. Its
// warning is written at the end, for the codes still missing then (most
// recommended codes come later in a catalogue: writing every one at once
// was a tenth of the cross pass).
type pendingRef struct {
	doc  int
	code string
	ref  DocRef
	span Span
}

// first is where a code was first seen. The place is formatted only when
// a message names it.
type first struct {
	name         string
	line, column int
	standard     string
}

// at is the first place, name:line:column.
func (f first) at() string { return at(f.name, f.line, f.column) }

// NewCatalogue starts a catalogue. The merchant context, when given, is
// checked once here: its issues are reported once (MerchantIssues), not
// with every document.
func NewCatalogue(opts CatalogueOptions) *Catalogue {
	c := &Catalogue{
		opts: opts, codes: map[string]*codeState{}, perFirm: map[string]int{}, perCate: map[string]int{},
		sum: Summary{Severities: map[Severity]int{}, Codes: map[string]int{}},
	}
	if opts.Merchant != "" {
		m, _, _ := readMerchant(opts.Merchant)
		if m != nil {
			c.hasFirms = m.hasFirms || len(m.firms) > 0
			for _, f := range m.firms {
				c.firms = append(c.firms, f.code)
			}
		}
		// The merchant's own issues, as every Validate with it reports them.
		for _, is := range Validate("{}", Options{Lang: opts.Lang, Merchant: opts.Merchant}).Report.Issues {
			if is.Source == SourceMerchant {
				c.merchant = append(c.merchant, CatalogueIssue{Name: opts.MerchantName, Line: 1, Issue: is})
				c.count(is)
			}
		}
	}
	return c
}

// MerchantIssues returns the merchant context's own issues (source
// "merchant"), named by CatalogueOptions.MerchantName.
func (c *Catalogue) MerchantIssues() []CatalogueIssue { return c.merchant }

// weight is how many issues one listed issue stands for: 1, or for the
// summary issue of a capped report, the More issues of its code it stands
// for (the summary is positioned at the first of them, not one more), so
// that a Summary counts every issue, listed or not. Those left out are
// counted under the summary's severity, the most severe among them.
func weight(is Issue) int {
	if is.More > 0 {
		return is.More
	}
	return 1
}

func (c *Catalogue) count(is Issue) {
	n := weight(is)
	c.sum.Severities[is.Severity] += n
	c.sum.Codes[is.Code] += n
}

// A Span is a token's place in a file (a placed Issue's position): its
// JSON Pointer, line, column, UTF-16 offset and length.
type Span struct {
	Path   string `json:"path"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Offset int    `json:"offset"`
	Length int    `json:"length"`
}

// DocFacts are what the cross-document rules need of one document, and
// nothing more: small and JSON-serialisable, so that documents validated
// apart (on other goroutines, in other wasm instances: the page's workers)
// are gathered into one Catalogue.
type DocFacts struct {
	Ref         DocRef    `json:"ref"`
	KeyStr      string    `json:"keystr"`
	KeyStandard string    `json:"keystandard"`
	Category    string    `json:"category"`
	Root        Span      `json:"root"`          // the document's first token
	Key         *Span     `json:"key,omitempty"` // keystr's value; nil without one
	Std         *Span     `json:"std,omitempty"` // keystandard's value
	Recommends  []RecFact `json:"recommends,omitempty"`
	// Issues counts the document's own issues (the merchant's left out)
	// by severity and code.
	Issues []IssueCount `json:"issues,omitempty"`
}

// A RecFact is one recommend_list item.
type RecFact struct {
	KeyStr      string `json:"keystr"`
	KeyStandard string `json:"keystandard"`
	Key         Span   `json:"key"`
	Std         *Span  `json:"std,omitempty"`
}

// An IssueCount is how many issues of one code and severity a document has.
type IssueCount struct {
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	N        int      `json:"n"`
}

// FactsOf reads the facts of a validated document at ref. Its strings are
// copies: a Catalogue keeps some of them for the whole check, and a
// substring would keep the document's whole text alive with it.
func FactsOf(ref DocRef, res *Result) DocFacts {
	f := DocFacts{Ref: ref}
	var d *Document
	var root *Node
	if res.Doc != nil {
		d, root = res.Doc, res.Doc.Root
	}
	span := func(n *Node) Span {
		is := Issue{Line: 1, Column: 1}
		if d != nil && n != nil {
			a, b := d.Pos(n.Start), d.Pos(n.End)
			is.Path, is.Line, is.Column, is.Offset, is.Length = n.Pointer(), a.Line, a.Column, a.Offset, b.Offset-a.Offset
			if n.Parent == nil && n.Kind == Object {
				is.Length = 1 // the opening brace, not the whole document
			}
		}
		is = ref.Place(is)
		return Span{is.Path, is.Line, is.Column, is.Offset, is.Length}
	}
	opt := func(n *Node) *Span {
		if n == nil {
			return nil
		}
		s := span(n)
		return &s
	}
	f.Root = span(root)
	if p := res.Product; p != nil {
		f.KeyStr, f.KeyStandard, f.Category = strings.Clone(p.KeyStr), strings.Clone(p.KeyStandard), strings.Clone(p.Base.CategoryID)
	}
	if k := root.Get("keystr"); k != nil && f.KeyStr != "" {
		f.Key = opt(k)
	}
	f.Std = opt(root.Get("keystandard"))
	for _, act := range items(root.Get("brand_info").Get("action_info").Get("action_list")) {
		for _, it := range items(act.Get("recommend").Get("recommend_list")) {
			kn, sn := it.Get("keystr"), it.Get("keystandard")
			if text(kn) == "" {
				continue
			}
			f.Recommends = append(f.Recommends, RecFact{KeyStr: strings.Clone(text(kn)), KeyStandard: strings.Clone(text(sn)), Key: span(kn), Std: opt(sn)})
		}
	}
	idx := map[[2]string]int{}
	for _, is := range res.Report.Issues {
		if is.Source == SourceMerchant {
			continue
		}
		k := [2]string{string(is.Severity), is.Code}
		i, ok := idx[k]
		if !ok {
			i = len(f.Issues)
			idx[k] = i
			f.Issues = append(f.Issues, IssueCount{Severity: is.Severity, Code: is.Code})
		}
		f.Issues[i].N += weight(is)
	}
	return f
}

// Add takes the next document: where it is, and what Validate made of it
// (with or without the merchant context; the merchant's issues are left to
// MerchantIssues). It returns the cross-document issues found at this
// document now, placed in its file, and whether the document is valid: no
// error of its own and none of these. Add(ref, res) is AddFacts(FactsOf(ref, res)).
func (c *Catalogue) Add(ref DocRef, res *Result) (issues []CatalogueIssue, valid bool) {
	return c.AddFacts(FactsOf(ref, res))
}

// AddFacts is Add for a document read elsewhere (FactsOf).
func (c *Catalogue) AddFacts(f DocFacts) (issues []CatalogueIssue, valid bool) {
	c.sum.Documents++
	valid = true
	for _, n := range f.Issues {
		c.sum.Severities[n.Severity] += n.N
		c.sum.Codes[n.Code] += n.N
		if n.Severity == Error && n.N > 0 {
			valid = false
		}
	}
	ref := f.Ref
	add := func(at Span, sev Severity, code string, msg Message) {
		is := c.issue(ref, at, sev, code, msg)
		c.count(is.Issue)
		if sev == Error {
			valid = false
		}
		issues = append(issues, is)
	}
	if c.sum.Documents == MaxDocuments+1 {
		add(f.Root, Error, "catalogue.limit", Msg("这是第 %d 条商品信息，超过了一个账号最多 10 万条商品信息的上限。",
			"This is document %d, past the account's limit of 100,000 products.", c.sum.Documents))
	}
	if code := f.KeyStr; code != "" && f.Key != nil {
		st := c.state(code)
		if st.hasDoc {
			add(*f.Key, Error, "catalogue.keystr.duplicate", Msg("keystr %s 已用于 %s 的商品信息；一个账号下每个条码只能有一条商品信息。",
				"keystr %s is already the code of the document at %s; an account holds one product per code.", code, st.doc.at()))
		} else {
			st.doc, st.hasDoc = first{ref.Name, f.Key.Line, f.Key.Column, f.KeyStandard}, true
			st.pending = nil
		}
		stdAt := *f.Key
		if f.Std != nil {
			stdAt = *f.Std
		}
		if prev, ok := st.standard(first{ref.Name, stdAt.Line, stdAt.Column, f.KeyStandard}); !ok {
			add(stdAt, Error, "catalogue.keystandard.conflict", standardMsg(code, f.KeyStandard, prev))
		}
		c.firm(code)
	}
	c.perCate[f.Category]++
	for _, r := range f.Recommends {
		stdAt := r.Key
		if r.Std != nil {
			stdAt = *r.Std
		}
		st := c.state(r.KeyStr)
		if prev, ok := st.standard(first{ref.Name, stdAt.Line, stdAt.Column, r.KeyStandard}); !ok {
			add(stdAt, Error, "catalogue.keystandard.conflict", standardMsg(r.KeyStr, r.KeyStandard, prev))
		}
		if !st.hasDoc {
			st.pending = append(st.pending, pendingRef{c.sum.Documents, r.KeyStr, ref, r.Key})
		}
	}
	if valid {
		c.sum.Valid++
	} else {
		c.sum.Invalid++
	}
	return issues, valid
}

func standardMsg(code, std string, f first) Message {
	return Msg("条码 %s 在这里的 keystandard 是 %s，而在 %s 是 %s；同一个条码只能属于一种 keystandard。",
		"The code %s has keystandard %s here and %s at %s; a code belongs to one keystandard.", code, Quote(std), Quote(f.standard), f.at())
}

// standard records where the code was first seen with its keystandard
// (here); when it was seen before with another, it returns that first
// place and false.
func (st *codeState) standard(here first) (first, bool) {
	if !st.hasStd {
		st.std, st.hasStd = here, true
		return first{}, true
	}
	return st.std, st.std.standard == here.standard
}

// firm counts a document under its firm code.
func (c *Catalogue) firm(code string) {
	if c.hasFirms {
		for _, f := range c.firms {
			if strings.HasPrefix(code, f) {
				c.perFirm[f]++
				return
			}
		}
		c.sum.Unverified++
		if len(c.sum.UnverifiedCodes) < maxUnverifiedListed {
			c.sum.UnverifiedCodes = append(c.sum.UnverifiedCodes, code)
		}
		return
	}
	// GB 12904 fixes the firm code's length of a 13-digit code only (an
	// EAN-8's firm code would be the code itself: not a useful group).
	if n := gtin.FirmCodeLength(code); n > 0 {
		c.perFirm[code[:n]]++
	}
}

// issue makes a cross-document issue at s (already placed in the file).
func (c *Catalogue) issue(ref DocRef, s Span, sev Severity, code string, msg Message) CatalogueIssue {
	return CatalogueIssue{Name: ref.Name, Line: ref.Line, Issue: Issue{
		Severity: sev, Code: code, Path: s.Path, Line: s.Line, Column: s.Column, Offset: s.Offset, Length: s.Length,
		Message: msg.In(c.opts.Lang), Source: SourceDocument,
	}}
}

// Finish returns the issues that needed the whole catalogue (recommended
// codes no document has, in input order) and the summary. The catalogue
// must not be used after.
func (c *Catalogue) Finish() ([]CatalogueIssue, Summary) {
	issues, _, s := c.FinishIndexed()
	return issues, s
}

// FinishIndexed is Finish, and for each issue the index of its document
// in input order (0 for the first AddFacts): a file and line do not name
// a document when several share a line (a minified array).
func (c *Catalogue) FinishIndexed() ([]CatalogueIssue, []int, Summary) {
	var refs []pendingRef
	for _, st := range c.codes {
		refs = append(refs, st.pending...)
	}
	sort.Slice(refs, func(i, j int) bool {
		a, b := refs[i], refs[j]
		return a.doc < b.doc || a.doc == b.doc && a.span.Offset < b.span.Offset
	})
	out := make([]CatalogueIssue, len(refs))
	docs := make([]int, len(refs))
	for i, r := range refs {
		docs[i] = r.doc - 1 // r.doc counts from 1
		out[i] = c.issue(r.ref, r.span, Warning, "catalogue.recommend.outside",
			Msg("recommend_list 中的 %s 不在本次检查的商品中；推荐的商品必须在同一账号下发布。",
				"%s in recommend_list is not among the checked products; recommended products must be published under the same account.", r.code))
		c.count(out[i].Issue)
	}
	s := c.sum
	for _, f := range c.firms {
		if _, ok := c.perFirm[f]; !ok {
			c.perFirm[f] = 0 // a verified firm code without documents is worth seeing
		}
	}
	for f, n := range c.perFirm {
		s.FirmCodes = append(s.FirmCodes, FirmCount{FirmCode: f, Verified: c.hasFirms, Documents: n})
	}
	sort.Slice(s.FirmCodes, func(i, j int) bool {
		a, b := s.FirmCodes[i], s.FirmCodes[j]
		return a.Documents > b.Documents || a.Documents == b.Documents && a.FirmCode < b.FirmCode
	})
	for k, n := range c.perCate {
		s.Categories = append(s.Categories, CategoryCount{Category: k, Documents: n})
	}
	sort.Slice(s.Categories, func(i, j int) bool {
		a, b := s.Categories[i], s.Categories[j]
		return a.Documents > b.Documents || a.Documents == b.Documents && a.Category < b.Category
	})
	if s.FirmCodes == nil {
		s.FirmCodes = []FirmCount{}
	}
	if s.UnverifiedCodes == nil {
		s.UnverifiedCodes = []string{}
	}
	if s.Categories == nil {
		s.Categories = []CategoryCount{}
	}
	return out, docs, s
}
