package preview

// A target is where a tappable part of the page leads: an http(s) URL
// that opens in a new window (never in the preview's own frame), or an
// inert part with a marker saying why it leads nowhere.
type target struct {
	Href string // an http(s) URL; "" when missing or refused
	Raw  string // a refused URL as written, bidi and control characters escaped (showText)
	Mark string // marker text when refused or missing; "" when fine or not needed
	Tip  string // the tooltip of a link: where it leads, as the browser resolves it
	Path string // JSON Pointer of the field, for the marker
}

// newTarget puts raw through the URL gate. missing is the marker shown when
// raw is empty ("" when the link is optional).
func newTarget(raw, path, missing string, l *labels) target {
	u := gateURL(raw)
	t := target{Href: u.Href, Raw: showText(u.Raw), Path: path}
	switch {
	case u.Href != "":
		t.Tip = l.Opens + u.Shown
	case u.Blocked():
		t.Mark = l.refused(u.Reason)
	default:
		t.Mark = missing
	}
	return t
}

// A marker flags a required part the document lacks.
type marker struct {
	Text string
	Path string // JSON Pointer of the missing field
}

// clipRaw shortens a refused URL for display; the whole of it stays in the
// tooltip.
func clipRaw(s string) string {
	const max = 60
	n := 0
	for i := range s {
		if n == max {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
