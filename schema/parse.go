package schema

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Limits on what Parse accepts. Past them the input is refused with one
// error, at once: the tool must stay responsive whatever is pasted into it.
const (
	MaxSize  = 1 << 20 // bytes of UTF-8
	MaxDepth = 64      // nested objects and arrays
)

// A Document is the parsed text: the tree of values with their positions,
// and what the parser found on the way.
//
// The parser is strict about RFC 8259 but steps over the usual slips
// (trailing commas, comments, single or curly quotes, full-width
// punctuation typed with a Chinese IME, a BOM, unquoted keys, a missing
// comma...): each is reported as an error with the edit that repairs it, and
// parsing goes on as if it had been repaired, so the rest of the document is
// still checked and previewed. A slip it cannot step over (an unexpected
// character, input that ends early) makes the document Fatal; Root then
// holds what was read up to that point. A key with no value yet is stepped
// over without an edit (Holes).
type Document struct {
	Text  string
	Root  *Node // nil only when not even the first value started
	Fatal bool  // a syntax error the parser could not step over
	// Holes: a member has a key and no value ("title" or "title": while
	// the value is still being typed). The parser steps over it, the
	// member left out, but the text is not one the form may edit.
	Holes bool

	hole   int       // with Holes: the byte offset of the first key with no value
	syntax []finding // syntax findings, in text order
	left   tally     // the syntax findings no report will list, counted
	lines  *lineIndex
}

// A finding is an issue before it is positioned and put into one language.
type finding struct {
	sev        Severity
	code       string
	errcode    int
	path       string
	start, end int // byte range in the text
	msg        Message
	fix        *Fix
	source     string
	fatal      bool // syntax: the parser could not go on
}

// Parse reads text into a Document. It never fails: problems are findings.
func Parse(text string) *Document { return parse(text, false) }

// parse is Parse; keepEdits keeps the edits of the findings no report
// will list, for Repair.
func parse(text string, keepEdits bool) *Document {
	d := &Document{Text: text}
	d.left.keepEdits = keepEdits
	if len(text) > MaxSize {
		d.Fatal = true
		d.syntax = append(d.syntax, tooLarge(len(text)))
		return d
	}
	if !utf8.ValidString(text) {
		at := firstInvalidUTF8(text)
		d.Fatal = true
		d.syntax = append(d.syntax, finding{sev: Error, code: "syntax.utf8", start: at, end: at + 1, fatal: true,
			msg: Msg("第 %d 个字节不是有效的 UTF-8 编码；JSON 必须是 UTF-8 文本。", "Byte %d is not valid UTF-8; JSON must be UTF-8 text.", at)})
		return d
	}
	p := &parser{s: text, d: d}
	p.parseDocument()
	return d
}

// tooLarge is the one finding about a text of n bytes, over MaxSize.
func tooLarge(n int) finding {
	return finding{sev: Error, code: "syntax.too_large", start: 0, end: 0, fatal: true,
		msg: Msg("文档有 %s，超过了 1 MiB 的上限，未做检查。", "The document is %s, over the 1 MiB limit; it was not checked.", sizeText(n))}
}

// TooLarge is the issue Validate gives about a document of n bytes, over
// MaxSize, in lang: for a caller that refuses such a document before it
// has its text (the wasm loader keeps it on the JavaScript side) and must
// say the same as the validator.
func TooLarge(n int, lang Lang) Issue {
	return (&Document{}).issue(tooLarge(n), lang)
}

func sizeText(n int) string {
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

func firstInvalidUTF8(s string) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(s)
}

type parser struct {
	s     string
	i     int
	d     *Document
	depth int
	stop  bool // a fatal error: unwind without reading further

	cur    *Node           // the value being read, for the path of findings
	eof    bool            // the input ended inside a value
	eofAt  *Node           // the value being read when it did
	tail   strings.Builder // what closes everything left open at the end
	opened []int           // byte offsets of the containers still open

	// Allocation in bulk: a document of a few kilobytes has a hundred or
	// more values, and one allocation each (and a growing slice per
	// container) was a quarter of validate's allocations, which cost
	// twice in WebAssembly, where the collector runs on the same thread.
	nodes []Node  // Nodes are carved from here
	kids  []*Node // the members or items of the containers being read, innermost last
	ptrs  []*Node // Fields and Items are carved from here, each at its final length
}

// node returns a new zero Node from the parser's slab.
func (p *parser) node() *Node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]Node, 0, p.chunk())
	}
	p.nodes = p.nodes[:len(p.nodes)+1]
	return &p.nodes[len(p.nodes)-1]
}

// chunk is how many values a new chunk holds: as many as the rest of the
// text is likely to have (a value per 24 bytes of minified JSON, the
// densest that realistic documents are; pretty-printed ones have fewer),
// between 16 and 512.
func (p *parser) chunk() int { return min(max((len(p.s)-p.i)/24+8, 16), 512) }

// children takes the values read since kids had base values as the final
// Fields or Items of their container: a slice of exactly their length,
// cut from a shared chunk (capped, so an append later copies). nil when
// there are none.
func (p *parser) children(base int) []*Node {
	k := len(p.kids) - base
	if k == 0 {
		return nil
	}
	if cap(p.ptrs)-len(p.ptrs) < k {
		p.ptrs = make([]*Node, 0, max(k, p.chunk()))
	}
	at := len(p.ptrs)
	p.ptrs = append(p.ptrs, p.kids[base:]...)
	clear(p.kids[base:])
	p.kids = p.kids[:base]
	return p.ptrs[at:len(p.ptrs):len(p.ptrs)]
}

func (p *parser) add(f finding) {
	if f.fatal {
		p.d.Fatal = true
		p.stop = true
	} else if p.leftOut(f.code, f.sev, f.start, f.end, f.path, nil) {
		return
	}
	if f.path == "" && p.cur != nil {
		f.path = p.cur.Pointer()
	}
	p.d.syntax = append(p.d.syntax, f)
	p.d.left.record(f.start)
}

// leftOut reports whether a finding is one no report will list, and then
// counts it, computing its path only if it is the first of its code and
// keeping its edit (fix, when not nil) for Repair: nothing else of it is
// built.
func (p *parser) leftOut(code string, sev Severity, start, end int, path string, fix *string) bool {
	t := &p.d.left
	if !t.leftOut(start) {
		return false
	}
	if path == "" && p.cur != nil && t.needsPath(code, start) {
		path = p.cur.Pointer()
	}
	t.count(finding{sev: sev, code: code, start: start, end: end, path: path})
	if fix != nil && t.keepEdits {
		t.edits.add(textEdit{start, end, *fix})
	}
	return true
}

// slip records a recoverable syntax error that the edit of text over
// [start,end) repairs.
func (p *parser) slip(code string, start, end int, text string, msg Message) {
	p.slipFn(code, start, end, text, func() Message { return msg })
}

// slipFn is slip with the message written only when the finding is kept:
// for the slips a document can hold by the hundred thousand.
func (p *parser) slipFn(code string, start, end int, text string, msg func() Message) {
	if p.leftOut(code, Error, start, end, "", &text) {
		return
	}
	p.add(finding{sev: Error, code: code, start: start, end: end, msg: msg(), fix: textFix(text)})
}

// fail records a syntax error the parser cannot step over.
func (p *parser) fail(code string, start, end int, msg Message) {
	p.add(finding{sev: Error, code: code, start: start, end: end, msg: msg, fatal: true})
}

func (p *parser) parseDocument() {
	if strings.HasPrefix(p.s, "\uFEFF") {
		p.slip("syntax.bom", 0, 3, "", Msg("文档以字节顺序标记（BOM）开头；JSON 文本不应带 BOM。", "The document starts with a byte order mark (BOM); JSON text must not have one."))
		p.i = 3
	}
	p.space()
	if p.i >= len(p.s) {
		p.fail("syntax.empty", p.i, p.i, Msg("文档是空的；应为一个 JSON 对象 {…}。", "The document is empty; a JSON object {…} is expected."))
		return
	}
	p.d.Root = p.value(nil, "", -1, -1, -1)
	if p.eof {
		p.truncated()
		return
	}
	if p.stop {
		return
	}
	p.space()
	if p.i < len(p.s) && !p.stop {
		p.fail("syntax.trailing_text", p.i, p.tokenEnd(p.i), Msg("文档在第一个值结束后还有内容；一个文档只能有一个 JSON 值。", "There is more text after the document's value ends; a document holds exactly one JSON value."))
	}
}

// truncated reports input that ends inside a value, with the text that
// closes everything still open as its repair.
func (p *parser) truncated() {
	n := len(p.s)
	f := finding{sev: Error, code: "syntax.truncated", start: n, end: n, fatal: true, fix: textFix(p.tail.String()), path: p.eofAt.Pointer()}
	if len(p.opened) > 0 {
		o := p.opened[len(p.opened)-1]
		pos := p.d.index().pos(o)
		f.msg = Msg("文档在第 %d 行第 %d 列的 %q 闭合之前就结束了（内容不完整）。", "The document ends before the %[3]q at line %[1]d, column %[2]d is closed (truncated input).", pos.Line, pos.Column, p.s[o:o+1])
	} else {
		f.msg = Msg("文档在一个值的中间结束了（内容不完整）。", "The document ends in the middle of a value (truncated input).")
	}
	p.add(f)
}

// atEOF marks the input as ended early; every open value then appends what
// closes it to the tail on its way out.
func (p *parser) atEOF() bool {
	if p.i >= len(p.s) {
		if !p.eof {
			p.eofAt = p.cur
		}
		p.eof = true
		return true
	}
	return false
}

// The characters a Chinese IME types in place of JSON punctuation.
var fullWidthPunct = map[rune]byte{'：': ':', '，': ',', '｛': '{', '｝': '}', '［': '[', '］': ']'}

// peek returns the structural character at p.i, mapping full-width
// punctuation to its ASCII twin, and the width in bytes of what is there.
func (p *parser) peek() (c byte, size int, full bool) {
	if p.i >= len(p.s) {
		return 0, 0, false
	}
	b := p.s[p.i]
	if b < utf8.RuneSelf {
		return b, 1, false
	}
	r, n := utf8.DecodeRuneInString(p.s[p.i:])
	if a, ok := fullWidthPunct[r]; ok {
		return a, n, true
	}
	return 0, n, false
}

// punct consumes the structural character at p.i, reporting a full-width one.
func (p *parser) punct() {
	c, n, full := p.peek()
	if full {
		at := p.i
		p.slipFn("syntax.fullwidth", at, at+n, string(c), func() Message {
			return Msg("这里是全角的 %q，JSON 需要半角的 %q（中文输入法？）。", "This is the full-width %q; JSON needs the ASCII %q (Chinese input method?).", p.s[at:at+n], string(c))
		})
	}
	p.i += n
}

// space skips white space and the comments and odd spaces people paste.
func (p *parser) space() {
	for p.i < len(p.s) && !p.stop {
		switch c := p.s[p.i]; c {
		case ' ', '\t', '\n', '\r':
			p.i++
		case '/':
			if !p.comment() {
				return
			}
		case 0xC2, 0xE3, 0xE2, 0xEF:
			r, n := utf8.DecodeRuneInString(p.s[p.i:])
			if r != '\u00A0' && r != '\u3000' && r != '\u2002' && r != '\u2003' && r != '\u200B' && r != '\uFEFF' {
				return
			}
			p.slipFn("syntax.space", p.i, p.i+n, " ", func() Message {
				return Msg("这里有一个特殊空白字符（U+%04X，如全角空格）；JSON 只允许普通空格、制表符和换行。", "There is a special space character (U+%04X, such as a full-width space); JSON allows only plain spaces, tabs and line breaks.", r)
			})
			p.i += n
		default:
			return
		}
	}
}

// comment skips a // or /* */ comment, reporting it; false if '/' does not
// start one.
func (p *parser) comment() bool {
	start := p.i
	if strings.HasPrefix(p.s[p.i:], "//") {
		end := strings.IndexAny(p.s[p.i:], "\r\n")
		if end < 0 {
			end = len(p.s) - p.i
		}
		p.i += end
	} else if strings.HasPrefix(p.s[p.i:], "/*") {
		end := strings.Index(p.s[p.i+2:], "*/")
		if end < 0 {
			p.fail("syntax.comment_unterminated", start, start+2, Msg("注释 /* 没有用 */ 结束；而且 JSON 本身不允许注释。", "The comment /* is never closed with */; JSON allows no comments anyway."))
			p.i = len(p.s)
			return true
		}
		p.i += 2 + end + 2
	} else {
		return false
	}
	p.slip("syntax.comment", start, p.i, "", Msg("JSON 不允许注释；请删除它。", "JSON allows no comments; remove it."))
	return true
}

// value parses one value. key/keyStart/keyEnd/index describe where it sits in
// its parent.
func (p *parser) value(parent *Node, key string, keyStart, keyEnd, index int) *Node {
	// The cell is new and zero: set what is not zero field by field, for a
	// struct assignment copies all of it, under the GC's bulk write
	// barrier while it marks (3 % of validate in wasm).
	n := p.node()
	n.Parent, n.Key, n.KeyStart, n.KeyEnd, n.Index, n.Start = parent, key, keyStart, keyEnd, index, p.i
	saved := p.cur
	p.cur = n
	n = p.read(n)
	p.cur = saved
	return n
}

// read reads the value that starts at p.i into n, the current value.
func (p *parser) read(n *Node) *Node {
	if p.atEOF() {
		p.tail.WriteString("null")
		return nil
	}
	c, size, _ := p.peek()
	switch {
	case c == '{':
		p.object(n)
	case c == '[':
		p.array(n)
	case c == '"' || isSlipQuote(p.s[p.i:]):
		n.Kind = String
		n.Str = p.str()
	case c == '-' || c == '+' || c == '.' || c >= '0' && c <= '9':
		p.number(n)
	case isWordStart(c):
		p.word(n)
	default:
		p.unexpected(size, Msg("一个值（字符串、数字、true、false、null、对象或数组）", "a value (a string in double quotes, a number, true, false, null, an object or an array)"))
		return nil
	}
	n.End = p.i
	if p.stop && n.Kind == 0 {
		return nil
	}
	return n
}

// unexpected reports the character at p.i where want was expected.
func (p *parser) unexpected(size int, want Message) {
	if size == 0 {
		size = 1
	}
	got := p.s[p.i : p.i+size]
	r, _ := utf8.DecodeRuneInString(got)
	if r >= 0xFF01 && r <= 0xFF5E {
		ascii := string(r - 0xFF01 + '!')
		p.fail("syntax.unexpected", p.i, p.i+size, Msg("这里的全角字符 %q 不合 JSON 语法，应为%s（半角是 %q）。", "The full-width character %q is not JSON here; expected %s (its ASCII form is %q).", got, want, ascii))
		return
	}
	p.fail("syntax.unexpected", p.i, p.i+size, Msg("这里不应出现 %q，应为%s。", "Unexpected %q here; expected %s.", got, want))
}

func (p *parser) enter(n *Node) bool {
	p.depth++
	if p.depth > MaxDepth {
		p.fail("syntax.too_deep", p.i, p.i+1, Msg("嵌套超过 %d 层，未做检查。", "Nesting is deeper than %d levels; the document was not checked.", MaxDepth))
		return false
	}
	p.opened = append(p.opened, p.i)
	p.punct()
	return true
}

func (p *parser) leave(closer string) {
	p.depth--
	if p.eof {
		p.tail.WriteString(closer)
		return
	}
	p.opened = p.opened[:len(p.opened)-1]
}

// object parses {...}; p.i is at the opening brace.
func (p *parser) object(n *Node) {
	n.Kind = Object
	p.elements(n, '}')
}

// array parses [...]; p.i is at the opening bracket.
func (p *parser) array(n *Node) {
	n.Kind = Array
	p.elements(n, ']')
}

// What one element of an object or an array is called in messages, and
// what may follow it.
var (
	elementName  = [2]Message{Msg("元素", "item"), Msg("成员", "member")}
	afterElement = [2]Message{Msg("逗号 , 或 ]", "a comma , or ]"), Msg("逗号 , 或 }", "a comma , or }")}
)

// elements reads the members of an object or the items of an array up to
// closer, stepping over extra, missing and trailing commas.
func (p *parser) elements(n *Node, closer byte) {
	if !p.enter(n) {
		return
	}
	defer p.leave(string(closer))
	obj := 0
	if n.Kind == Object {
		obj = 1
	}
	base := len(p.kids)
	defer func() {
		if obj == 1 {
			n.Fields = p.children(base)
		} else {
			n.Items = p.children(base)
		}
	}()
	read := 0
	lastEnd := 0 // end of the last element, where a missing comma goes
	afterComma := -1
	// The full-width report of that comma: its index in p.d.syntax, or
	// -2-i when it was only counted (i: its edit in p.d.left.edits, when
	// kept), or -1 when the comma is ASCII.
	commaFinding := -1
	var keys keySet
	for {
		p.space()
		if p.stop || p.atEOF() {
			p.dropTrailingComma(afterComma, commaFinding)
			return
		}
		ch, size, _ := p.peek()
		if ch == closer {
			if afterComma >= 0 {
				p.trailingComma(afterComma, commaFinding)
			}
			p.punct()
			return
		}
		if ch == ',' {
			// ",," or "{,": a comma with nothing before it.
			p.slipFn("syntax.extra_comma", p.i, p.i+size, "", func() Message {
				return Msg("多余的逗号：它前面没有%s。", "Extra comma: there is no %s before it.", elementName[obj])
			})
			p.i += size
			continue
		}
		if read > 0 && afterComma < 0 {
			if obj == 1 && !p.startsKey() || obj == 0 && !p.startsValue() {
				p.unexpected(size, afterElement[obj])
				return
			}
			p.slipFn("syntax.missing_comma", lastEnd, lastEnd, ",", func() Message {
				return Msg("上一个%s后缺少逗号。", "A comma is missing after the previous %s.", elementName[obj])
			})
		}
		afterComma = -1
		var v *Node
		if obj == 1 {
			v = p.member(n, p.kids[base:], &keys)
		} else if v = p.value(n, "", -1, -1, len(p.kids)-base); v != nil {
			p.kids = append(p.kids, v)
		}
		if v != nil {
			read++
			lastEnd = v.End
		}
		if p.stop || p.eof {
			return
		}
		p.space()
		if p.stop || p.atEOF() {
			return
		}
		if ch, _, full := p.peek(); ch == ',' {
			afterComma, commaFinding = p.i, -1
			recorded, edits := len(p.d.syntax), p.d.left.edits.len()
			p.punct()
			switch {
			case !full:
			case len(p.d.syntax) > recorded:
				commaFinding = recorded
			case p.d.left.edits.len() > edits:
				commaFinding = -2 - edits // counted, its edit kept
			default:
				commaFinding = -2 - p.d.left.edits.len() // counted, no edit kept
			}
		}
	}
}

// member reads one "key": value of the object n and adds it; fields are
// n's members read so far.
func (p *parser) member(n *Node, fields []*Node, keys *keySet) *Node {
	keyStart := p.i
	key, ok := p.key()
	if !ok {
		return nil
	}
	keyEnd := p.i
	p.space()
	if p.stop {
		return nil
	}
	if p.atEOF() {
		p.tail.WriteString(": null")
		return nil
	}
	if c, _, _ := p.peek(); c == ':' {
		p.punct()
	} else if p.startsValue() {
		p.slip("syntax.missing_colon", keyEnd, keyEnd, ":", Msg("键 %q 后缺少冒号 :。", "A colon : is missing after the key %q.", key))
	} else if p.endsMember() {
		p.noValue(keyStart, keyEnd, key)
		return nil
	} else {
		_, size, _ := p.peek()
		p.unexpected(size, Msg("冒号 :", "a colon :"))
		return nil
	}
	p.space()
	if p.stop {
		return nil
	}
	if p.endsMember() {
		p.noValue(keyStart, keyEnd, key)
		return nil
	}
	v := p.value(n, key, keyStart, keyEnd, -1)
	if v != nil {
		p.duplicate(fields, v, keys)
		p.kids = append(p.kids, v)
	}
	return v
}

// partial reports whether what was read of d is not the whole document:
// a syntax error the parser could not step over, a key with no value, or
// no value at all. A form shows such a text read-only and edits none.
func (d *Document) partial() bool { return d.Fatal || d.Holes || d.Root == nil }

// stop returns what makes d partial, the earliest of its fatal error and
// its first key with no value: the syntax error no edit fixes (a slip
// before it has a fix). The hole is known even when the report leaves it
// out (past MaxIssues). nil when d is whole.
func (d *Document) stop() *FormStop {
	code, at := "", -1
	for _, f := range d.syntax {
		if f.fatal {
			code, at = f.code, f.start
		}
	}
	if d.Holes && (at < 0 || d.hole < at) {
		code, at = "syntax.missing_value", d.hole
	}
	if at < 0 {
		return nil
	}
	return &FormStop{Code: code, Line: d.Pos(at).Line}
}

// endsMember reports whether p.i is at what ends a member: a comma or the
// object's closing brace (ASCII or full-width).
func (p *parser) endsMember() bool {
	c, _, _ := p.peek()
	return c == ',' || c == '}'
}

// noValue reports a key that a comma or the closing brace follows before
// any value: "title" or "title": while the value is still being typed.
// The parser steps over it, the member left out, so the rest of the
// document is still checked and previewed; no edit can write the value, so
// the finding has no fix, and the form does not edit such a text (Holes).
func (p *parser) noValue(keyStart, keyEnd int, key string) {
	if !p.d.Holes {
		p.d.Holes, p.d.hole = true, keyStart
	}
	p.add(finding{sev: Error, code: "syntax.missing_value", start: keyStart, end: keyEnd,
		msg: Msg("键 %q 没有值：请在冒号 : 后写上它的值，或删除这个键。", "The key %q has no value: write one after a colon :, or remove the key.", key)})
}

// trailingComma reports the comma at byte at, which nothing follows. full
// says where its report as a full-width comma is (see elements).
//
// A full-width trailing comma was reported as full-width when read;
// deleting it is the one fix, so it is one issue: the trailing comma takes
// the place of that report, found by its index rather than by walking back
// through every finding.
func (p *parser) trailingComma(at, full int) {
	_, size, _ := p.peekAt(at)
	t := &p.d.left
	switch {
	case full >= 0 && full < len(p.d.syntax) && p.d.syntax[full].start == at:
		p.d.syntax[full] = finding{sev: Error, code: "syntax.trailing_comma", path: p.cur.Pointer(), start: at, end: at + size, msg: trailingCommaMsg, fix: textFix("")}
	case full <= -2:
		// Only counted, as anything at or after it is: so is this.
		t.uncount("syntax.fullwidth")
		p.leftOut("syntax.trailing_comma", Error, at, at+size, "", nil)
		if i := -2 - full; t.keepEdits && i < t.edits.len() && t.edits.at(i).start == at {
			t.edits.set(i, textEdit{at, at + size, ""})
		}
	default:
		p.slip("syntax.trailing_comma", at, at+size, "", trailingCommaMsg)
	}
}

var trailingCommaMsg = Msg("最后一个成员后多了逗号（JSON 不允许结尾逗号）。", "Trailing comma after the last member (JSON does not allow one).")

// dropTrailingComma: the input ended right after a comma; closing the value
// there needs the comma gone too.
func (p *parser) dropTrailingComma(at, full int) {
	if at >= 0 && p.eof {
		p.trailingComma(at, full)
	}
}

func (p *parser) peekAt(i int) (byte, int, bool) {
	save := p.i
	p.i = i
	c, n, full := p.peek()
	p.i = save
	return c, n, full
}

// A keySet finds the earlier member of an object with a given key. A small
// object is searched member by member; from keySetMap members on, the keys
// are in a map, so that an object of many members costs linear time, not
// quadratic (issue 15: 118,000 distinct keys took minutes).
type keySet struct {
	first map[string]*Node // the first member with each key, once built
}

const keySetMap = 16

// seen returns the earlier member of n with key, or nil; fields are the
// members before the new one.
func (ks *keySet) seen(fields []*Node, key string) *Node {
	if ks.first == nil && len(fields) < keySetMap {
		for _, f := range fields {
			if f.Key == key {
				return f
			}
		}
		return nil
	}
	if ks.first == nil {
		ks.first = make(map[string]*Node, 2*len(fields))
		for _, f := range fields {
			if _, ok := ks.first[f.Key]; !ok {
				ks.first[f.Key] = f
			}
		}
	}
	return ks.first[key]
}

// add records the member f after seen was asked about it.
func (ks *keySet) add(f *Node) {
	if ks.first != nil {
		if _, ok := ks.first[f.Key]; !ok {
			ks.first[f.Key] = f
		}
	}
}

// duplicate warns when v's key already appears among fields, the members
// of its object before it.
func (p *parser) duplicate(fields []*Node, v *Node, keys *keySet) {
	f := keys.seen(fields, v.Key)
	keys.add(v)
	if f == nil {
		return
	}
	if t := &p.d.left; t.leftOut(v.KeyStart) {
		path := ""
		if t.needsPath("object.duplicate_key", v.KeyStart) {
			path = v.Pointer()
		}
		p.leftOut("object.duplicate_key", Warning, v.KeyStart, v.KeyEnd, path, nil)
		return
	}
	pos := p.d.index().pos(f.KeyStart)
	p.add(finding{sev: Warning, code: "object.duplicate_key", path: v.Pointer(), start: v.KeyStart, end: v.KeyEnd,
		msg: Msg("键 %q 在此对象中重复出现（第一次在第 %d 行）；多数解析器取最后一个，微信的行为未知。", "The key %q appears twice in this object (first at line %d); most parsers keep the last one, WeChat's behaviour is unknown.", v.Key, pos.Line)})
}

// startsKey reports whether a key could start at p.i.
func (p *parser) startsKey() bool {
	c, _, _ := p.peek()
	return c == '"' || isSlipQuote(p.s[p.i:]) || isWordStart(c)
}

func (p *parser) startsValue() bool {
	c, _, _ := p.peek()
	return c == '{' || c == '[' || c == '"' || c == '-' || c >= '0' && c <= '9' || isWordStart(c) || isSlipQuote(p.s[p.i:])
}

// key reads a member key: a string, or an unquoted word (reported).
func (p *parser) key() (string, bool) {
	c, size, _ := p.peek()
	if c == '"' || isSlipQuote(p.s[p.i:]) {
		k := p.str()
		return k, !p.stop
	}
	if isWordStart(c) {
		start := p.i
		for p.i < len(p.s) && isWordPart(p.s[p.i]) {
			p.i++
		}
		k := p.s[start:p.i]
		p.slip("syntax.unquoted_key", start, p.i, `"`+k+`"`, Msg("键 %s 没有加双引号；JSON 的键必须是双引号字符串。", "The key %s has no double quotes; JSON keys must be strings in double quotes.", k))
		return k, true
	}
	p.unexpected(size, Msg("双引号括起的键或 }", "a key in double quotes or }"))
	return "", false
}

func isWordStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$'
}

func isWordPart(c byte) bool {
	return isWordStart(c) || c >= '0' && c <= '9' || c == '-'
}
