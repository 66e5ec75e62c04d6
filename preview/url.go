package preview

import (
	"net/url"
	"strings"
)

// A link is an author's URL after the gate: Href is set only for an
// absolute http or https URL with a host, and only Href ever becomes an
// href or src attribute. Anything else keeps its text in Raw, to be shown
// inert with a visible marker.
type link struct {
	Href string // the trimmed URL, safe for href/src; "" when refused
	Raw  string // the URL as written, when it was refused
}

// Missing reports whether there was no URL at all.
func (l link) Missing() bool { return l.Href == "" && l.Raw == "" }

// Blocked reports whether a URL was written but refused.
func (l link) Blocked() bool { return l.Href == "" && l.Raw != "" }

// gateURL lets through absolute http(s) URLs with a host. The scheme is
// compared case-insensitively after trimming the spaces and control
// characters a browser would strip ("  JaVaScRiPt:…" is refused like
// "javascript:…"); the result is the trimmed text, never a re-encoded
// form, and html/template escapes it again where it is used.
func gateURL(raw string) link {
	s := strings.TrimFunc(raw, func(r rune) bool { return r <= ' ' || r == 0x7F })
	if s == "" {
		if raw == "" {
			return link{}
		}
		return link{Raw: raw}
	}
	// A browser removes tabs and newlines anywhere in a URL; one that holds
	// them is not a URL an author meant.
	if strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7F }) {
		return link{Raw: raw}
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return link{Raw: raw}
	}
	if !strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https") {
		return link{Raw: raw}
	}
	// The text must itself start with the scheme: net/url accepts some
	// forms a browser would read differently.
	if !hasPrefixFold(s, "http://") && !hasPrefixFold(s, "https://") {
		return link{Raw: raw}
	}
	return link{Href: s}
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
