package catalogue

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strconv"

	"scanpage/schema"
)

// The formats a check is written in: the same for `scanpage check` and the
// page's exports. Each writer streams: a document is written when it comes
// and then forgotten; only the cross-document issues (few) wait for the end.

// Totals are the counts every format ends with.
type Totals struct {
	Documents, Valid, Invalid int
	Errors, Warnings, Infos   int
}

// TotalsOf reads the totals of a summary.
func TotalsOf(s schema.Summary) Totals {
	return Totals{s.Documents, s.Valid, s.Invalid, s.Severities[schema.Error], s.Severities[schema.Warning], s.Severities[schema.Info]}
}

// Line is the last line of the text format: what was checked and found.
func (t Totals) Line(lang schema.Lang) string {
	if lang == schema.EN {
		return fmt.Sprintf("%d documents: %d valid, %d invalid; %d errors, %d warnings, %d infos", t.Documents, t.Valid, t.Invalid, t.Errors, t.Warnings, t.Infos)
	}
	return fmt.Sprintf("共 %d 条商品信息：%d 条通过，%d 条有错误；错误 %d 个，警告 %d 个，提示 %d 个", t.Documents, t.Valid, t.Invalid, t.Errors, t.Warnings, t.Infos)
}

// Text writes one line per issue, like a compiler:
//
//	file:line:col: severity code [errcode] message
//
// ([errcode] only when the issue has one), the cross-document issues with
// the document they are found at, the ones found at the end after the
// last document, and the totals line last.
type Text struct {
	w    *bufio.Writer
	lang schema.Lang
	err  error // the first write error: the check stops at the next document
}

// NewText returns a text writer to w in lang.
func NewText(w io.Writer, lang schema.Lang) *Text { return &Text{w: bufio.NewWriter(w), lang: lang} }

func (t *Text) line(name string, is schema.Issue) {
	t.w.WriteString(name)
	t.w.WriteByte(':')
	t.w.WriteString(strconv.Itoa(is.Line))
	t.w.WriteByte(':')
	t.w.WriteString(strconv.Itoa(is.Column))
	t.w.WriteString(": ")
	t.w.WriteString(string(is.Severity))
	t.w.WriteByte(' ')
	t.w.WriteString(is.Code)
	if is.Errcode != 0 {
		t.w.WriteString(" [")
		t.w.WriteString(strconv.Itoa(is.Errcode))
		t.w.WriteByte(']')
	}
	t.w.WriteByte(' ')
	t.w.WriteString(is.Message)
	if err := t.w.WriteByte('\n'); err != nil && t.err == nil {
		t.err = err
	}
}

// Merchant writes the merchant context's issues.
func (t *Text) Merchant(issues []schema.CatalogueIssue) error {
	for _, ci := range issues {
		t.line(ci.Name, ci.Issue)
	}
	return nil
}

// Document writes a document's issues, then the cross-document ones found
// at it.
func (t *Text) Document(r Result) error {
	for _, is := range r.Issues {
		t.line(r.Ref.Name, is)
	}
	for _, ci := range r.Catalogue {
		t.line(ci.Name, ci.Issue)
	}
	return t.err
}

// Finish writes the rest and the totals line, and flushes.
func (t *Text) Finish(cat []schema.CatalogueIssue, s schema.Summary) error {
	for _, ci := range cat {
		t.line(ci.Name, ci.Issue)
	}
	t.w.WriteString(TotalsOf(s).Line(t.lang))
	t.w.WriteByte('\n')
	return t.w.Flush()
}

// JSON writes one object:
//
//	{"files": [{"name", "line", "valid", "issues": [Issue...]}...],
//	 "catalogue": [{"name", "line", "issue": Issue}...],
//	 "documents", "valid", "invalid", "errors", "warnings", "infos",
//	 "summary": schema.Summary}
//
// files has every document in input order (line is the document's line in
// its file; its issues' lines and columns are in the file); catalogue has
// the merchant context's issues, then the cross-document ones in input
// order. The keys come in this order because the object is streamed.
type JSON struct {
	w     *bufio.Writer
	cat   []schema.CatalogueIssue
	first bool
}

// NewJSON returns a JSON writer to w.
func NewJSON(w io.Writer) *JSON { return &JSON{w: bufio.NewWriter(w), first: true} }

type fileEntry struct {
	Name   string         `json:"name"`
	Line   int            `json:"line"`
	Valid  bool           `json:"valid"`
	Issues []schema.Issue `json:"issues"`
}

// Merchant keeps the merchant's issues for the catalogue list and opens
// the object.
func (j *JSON) Merchant(issues []schema.CatalogueIssue) error {
	j.cat = append(j.cat, issues...)
	_, err := j.w.WriteString(`{"files":[`)
	return err
}

// Document writes the document's entry.
func (j *JSON) Document(r Result) error {
	if !j.first {
		j.w.WriteString(",\n")
	} else {
		j.w.WriteString("\n")
	}
	j.first = false
	b, err := json.Marshal(fileEntry{r.Ref.Name, r.Ref.Line, r.Valid, r.Issues})
	if err != nil {
		return err
	}
	j.cat = append(j.cat, r.Catalogue...)
	_, err = j.w.Write(b)
	return err
}

// Finish writes the catalogue list, the counts and the summary.
func (j *JSON) Finish(cat []schema.CatalogueIssue, s schema.Summary) error {
	all := append(j.cat, cat...)
	if all == nil {
		all = []schema.CatalogueIssue{}
	}
	t := TotalsOf(s)
	tail := struct {
		Catalogue []schema.CatalogueIssue `json:"catalogue"`
		Documents int                     `json:"documents"`
		Valid     int                     `json:"valid"`
		Invalid   int                     `json:"invalid"`
		Errors    int                     `json:"errors"`
		Warnings  int                     `json:"warnings"`
		Infos     int                     `json:"infos"`
		Summary   schema.Summary          `json:"summary"`
	}{all, t.Documents, t.Valid, t.Invalid, t.Errors, t.Warnings, t.Infos, s}
	b, err := json.Marshal(tail)
	if err != nil {
		return err
	}
	j.w.WriteString("\n],")
	j.w.Write(b[1:]) // the tail's members, after the files
	j.w.WriteByte('\n')
	return j.w.Flush()
}

// SARIF writes SARIF 2.1.0 (one run; rules are our issue codes, results
// are located by file, line and column in UTF-16 units), for code-scanning
// tools. Results are streamed; the tool with its rules comes after them.
type SARIF struct {
	w       *bufio.Writer
	version string
	rules   []string
	index   map[string]int
	first   bool
}

// NewSARIF returns a SARIF writer to w; version is scanpage's.
func NewSARIF(w io.Writer, version string) *SARIF {
	return &SARIF{w: bufio.NewWriter(w), version: version, index: map[string]int{}, first: true}
}

// SARIFSchema is the schema a SARIF log names.
const SARIFSchema = "https://json.schemastore.org/sarif-2.1.0.json"

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Props     *sarifProps     `json:"properties,omitempty"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifProps struct {
	Errcode int    `json:"errcode,omitempty"`
	Path    string `json:"jsonPointer"`
}

type sarifLocation struct {
	Physical struct {
		Artifact struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region struct {
			StartLine   int `json:"startLine"`
			StartColumn int `json:"startColumn"`
			CharOffset  int `json:"charOffset"`
			CharLength  int `json:"charLength"`
		} `json:"region"`
	} `json:"physicalLocation"`
}

// level maps a severity to SARIF's level.
func level(s schema.Severity) string {
	switch s {
	case schema.Error:
		return "error"
	case schema.Warning:
		return "warning"
	}
	return "note"
}

// URI turns a file name into a SARIF artifact URI (relative names stay
// relative, separators become '/', other characters are escaped).
func URI(name string) string {
	return (&url.URL{Path: filepath.ToSlash(name)}).EscapedPath()
}

func (s *SARIF) result(name string, is schema.Issue) error {
	i, ok := s.index[is.Code]
	if !ok {
		i = len(s.rules)
		s.index[is.Code] = i
		s.rules = append(s.rules, is.Code)
	}
	r := sarifResult{RuleID: is.Code, RuleIndex: i, Level: level(is.Severity), Message: sarifText{is.Message},
		Props: &sarifProps{Errcode: is.Errcode, Path: is.Path}}
	var loc sarifLocation
	loc.Physical.Artifact.URI = URI(name)
	loc.Physical.Region.StartLine = is.Line
	loc.Physical.Region.StartColumn = is.Column
	loc.Physical.Region.CharOffset = is.Offset
	loc.Physical.Region.CharLength = is.Length
	r.Locations = []sarifLocation{loc}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if !s.first {
		s.w.WriteString(",\n")
	} else {
		s.w.WriteString("\n")
	}
	s.first = false
	_, err = s.w.Write(b)
	return err
}

// Merchant opens the log and writes the merchant context's issues.
func (s *SARIF) Merchant(issues []schema.CatalogueIssue) error {
	fmt.Fprintf(s.w, `{"$schema":%q,"version":"2.1.0","runs":[{"columnKind":"utf16CodeUnits","results":[`, SARIFSchema)
	for _, ci := range issues {
		if err := s.result(ci.Name, ci.Issue); err != nil {
			return err
		}
	}
	return nil
}

// Document writes the document's issues and the cross-document ones at it.
func (s *SARIF) Document(r Result) error {
	for _, is := range r.Issues {
		if err := s.result(r.Ref.Name, is); err != nil {
			return err
		}
	}
	for _, ci := range r.Catalogue {
		if err := s.result(ci.Name, ci.Issue); err != nil {
			return err
		}
	}
	return nil
}

// Finish writes the rest, the tool with its rules, and closes the log.
func (s *SARIF) Finish(cat []schema.CatalogueIssue, sum schema.Summary) error {
	for _, ci := range cat {
		if err := s.result(ci.Name, ci.Issue); err != nil {
			return err
		}
	}
	type rule struct {
		ID               string    `json:"id"`
		ShortDescription sarifText `json:"shortDescription"`
	}
	rules := make([]rule, len(s.rules))
	for i, c := range s.rules {
		rules[i] = rule{ID: c, ShortDescription: sarifText{c}}
	}
	driver := map[string]any{"name": "scanpage", "rules": rules}
	if s.version != "" {
		driver["version"] = s.version
	}
	tool := map[string]any{"driver": driver}
	b, err := json.Marshal(tool)
	if err != nil {
		return err
	}
	t := TotalsOf(sum)
	props, _ := json.Marshal(map[string]int{"documents": t.Documents, "valid": t.Valid, "invalid": t.Invalid})
	fmt.Fprintf(s.w, "\n],\"tool\":%s,\"properties\":%s}]}\n", b, props)
	return s.w.Flush()
}
