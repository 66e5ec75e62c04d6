package preview

import (
	"fmt"
	"regexp"
	"strings"
)

// A small HTML tokenizer for the tests (golang.org/x/net/html is not a
// dependency of this module). It reads the tags of our own output the way
// an HTML parser would for well-formed markup: comments, the doctype,
// start and end tags with quoted or unquoted attributes, and the raw text
// of <style> and <script>. The browser tests in www/test parse the same
// output with Chromium's real parser; this one lets the Go tests and the
// fuzz target check every tag and attribute without a browser.

type attr struct{ name, value string }

type tag struct {
	name  string // lower case; "/name" for an end tag
	attrs []attr
	pos   int // offset of '<'
}

func (t tag) attr(name string) (string, bool) {
	for _, a := range t.attrs {
		if a.name == name {
			return a.value, true
		}
	}
	return "", false
}

// tokenize returns the tags of doc in order, or an error where it cannot
// read one (a '<' that starts a tag but does not end).
func tokenize(doc string) ([]tag, error) {
	var tags []tag
	i := 0
	for {
		j := strings.IndexByte(doc[i:], '<')
		if j < 0 {
			return tags, nil
		}
		i += j
		rest := doc[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				return tags, fmt.Errorf("offset %d: unclosed comment", i)
			}
			i += 4 + end + 3
			continue
		case strings.HasPrefix(rest, "<!"), strings.HasPrefix(rest, "<?"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				return tags, fmt.Errorf("offset %d: unclosed declaration", i)
			}
			i += end + 1
			continue
		}
		k := 1
		end := false
		if k < len(rest) && rest[k] == '/' {
			end = true
			k++
		}
		if k >= len(rest) || !isASCIILetter(rest[k]) {
			// Not a tag: a parser reads "<" here as text.
			i++
			continue
		}
		start := k
		for k < len(rest) && !isSpace(rest[k]) && rest[k] != '>' && rest[k] != '/' {
			k++
		}
		t := tag{name: strings.ToLower(rest[start:k]), pos: i}
		if end {
			t.name = "/" + t.name
		}
		// Attributes.
		for {
			for k < len(rest) && (isSpace(rest[k]) || rest[k] == '/') {
				k++
			}
			if k >= len(rest) {
				return tags, fmt.Errorf("offset %d: unclosed tag <%s", i, t.name)
			}
			if rest[k] == '>' {
				k++
				break
			}
			ns := k
			for k < len(rest) && !isSpace(rest[k]) && rest[k] != '>' && rest[k] != '/' && (rest[k] != '=' || k == ns) {
				k++
			}
			a := attr{name: strings.ToLower(rest[ns:k])}
			for k < len(rest) && isSpace(rest[k]) {
				k++
			}
			if k < len(rest) && rest[k] == '=' {
				k++
				for k < len(rest) && isSpace(rest[k]) {
					k++
				}
				if k < len(rest) && (rest[k] == '"' || rest[k] == '\'') {
					q := rest[k]
					e := strings.IndexByte(rest[k+1:], q)
					if e < 0 {
						return tags, fmt.Errorf("offset %d: unclosed attribute %s", i, a.name)
					}
					a.value = rest[k+1 : k+1+e]
					k += e + 2
				} else {
					vs := k
					for k < len(rest) && !isSpace(rest[k]) && rest[k] != '>' {
						k++
					}
					a.value = rest[vs:k]
				}
			}
			a.value = unescapeAttr(a.value)
			t.attrs = append(t.attrs, a)
		}
		tags = append(tags, t)
		i += k
		// Raw text elements: their content has no tags.
		if t.name == "style" || t.name == "script" || t.name == "title" || t.name == "textarea" {
			close := "</" + t.name
			e := strings.Index(strings.ToLower(doc[i:]), close)
			if e < 0 {
				return tags, fmt.Errorf("offset %d: unclosed <%s>", t.pos, t.name)
			}
			i += e
		}
	}
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// unescapeAttr decodes the character references html/template writes in
// attribute values, so that a check sees what the browser sees.
var charRef = regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);?`)

func unescapeAttr(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return charRef.ReplaceAllStringFunc(s, func(m string) string {
		ref := strings.TrimSuffix(m[1:], ";")
		switch ref {
		case "amp":
			return "&"
		case "lt":
			return "<"
		case "gt":
			return ">"
		case "quot":
			return `"`
		case "apos":
			return "'"
		case "nbsp":
			return "\u00a0"
		}
		var n int
		if ref[1] == 'x' || ref[1] == 'X' {
			fmt.Sscanf(ref[2:], "%x", &n)
		} else {
			fmt.Sscanf(ref[1:], "%d", &n)
		}
		return string(rune(n))
	})
}

// Everything the preview may emit. An element or attribute outside these
// lists means the author's text became markup.
var (
	allowedElements = set("html", "head", "meta", "title", "style", "body", "section", "div", "span", "p",
		"h1", "h2", "h3", "a", "img", "small", "code", "table", "tr", "th", "td", "svg", "path", "rect")
	allowedAttrs = set("lang", "charset", "http-equiv", "content", "name", "class", "title", "href",
		"target", "rel", "referrerpolicy", "src", "alt", "loading", "decoding", "role", "aria-label",
		"aria-hidden", "aria-modal", "xmlns", "width", "height", "viewbox", "fill", "stroke", "stroke-width",
		"stroke-linecap", "stroke-linejoin", "d", "preserveaspectratio")
	httpURL = regexp.MustCompile(`^(?i:https?)://[^\s]`)
)

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// checkSafe reports the first thing in doc that could run, load or
// navigate anywhere but an http(s) URL: an element or attribute the
// preview never writes (a style attribute among them: a strict host CSP
// blocks it), an event handler, a non-http(s) href or src, a meta refresh.
func checkSafe(doc string) error {
	tags, err := tokenize(doc)
	if err != nil {
		return err
	}
	for _, t := range tags {
		name := strings.TrimPrefix(t.name, "/")
		if !allowedElements[name] {
			return fmt.Errorf("offset %d: element <%s>", t.pos, t.name)
		}
		for _, a := range t.attrs {
			switch {
			case strings.HasPrefix(a.name, "on"):
				return fmt.Errorf("offset %d: event handler %s on <%s>", t.pos, a.name, t.name)
			case strings.HasPrefix(a.name, "data-"):
			case !allowedAttrs[a.name]:
				return fmt.Errorf("offset %d: attribute %s on <%s>", t.pos, a.name, t.name)
			case a.name == "href" || a.name == "src":
				if !httpURL.MatchString(a.value) {
					return fmt.Errorf("offset %d: %s=%q on <%s>", t.pos, a.name, a.value, t.name)
				}
			case a.name == "http-equiv":
				if !strings.EqualFold(a.value, "Content-Security-Policy") {
					return fmt.Errorf("offset %d: http-equiv=%q", t.pos, a.value)
				}
			}
		}
	}
	return nil
}
