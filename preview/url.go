package preview

import (
	"net/url"
	"strings"
)

// A link is an author's URL after the gate: Href is set only for an
// absolute http or https URL whose host is public, and only Href ever
// becomes an href or src attribute. Anything else keeps its text in Raw, to
// be shown inert with a visible marker that says why (Reason).
type link struct {
	Href   string // the URL to request, safe for href/src; "" when refused
	Shown  string // Href as the browser resolves it, fit to be shown (tooltip)
	Raw    string // the URL as written, when it was refused
	Reason string // why it was refused: one of the refused… constants
}

// Missing reports whether there was no URL at all.
func (l link) Missing() bool { return l.Href == "" && l.Raw == "" }

// Blocked reports whether a URL was written but refused.
func (l link) Blocked() bool { return l.Href == "" && l.Raw != "" }

// gateURL lets through absolute http(s) URLs whose host is on the public
// Internet, and nothing else: a shared document must not make the preview
// request this device or the viewer's network, nor hide where a link goes.
//
// The scheme is compared case-insensitively after trimming the spaces and
// control characters a browser would strip ("  JaVaScRiPt:…" is refused
// like "javascript:…"). Then the authority is read the way a browser reads
// it: userinfo is refused (https://127.0.0.1:8393@evil.example/ goes to
// evil.example), a backslash is refused (a browser reads it as a slash),
// and the host goes through asciiHost (no loopback, private, link-local or
// obfuscated numeric hosts; non-ASCII labels in punycode).
//
// Href is the trimmed text as written, except that a non-ASCII host is
// replaced by its punycode, so what is requested is exactly what Shown
// says. html/template escapes both again where they are used.
func gateURL(raw string) link {
	refuse := func(reason string) link { return link{Raw: raw, Reason: reason} }
	s := strings.TrimFunc(raw, func(r rune) bool { return r <= ' ' || r == 0x7F })
	if s == "" {
		if raw == "" {
			return link{}
		}
		return refuse(refusedScheme)
	}
	// A browser removes tabs and newlines anywhere in a URL; one that holds
	// them is not a URL an author meant.
	if strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7F }) {
		return refuse(refusedScheme)
	}
	// The text must itself start with the scheme: net/url accepts some
	// forms a browser would read differently.
	var scheme string
	switch {
	case hasPrefixFold(s, "http://"):
		scheme = "http"
	case hasPrefixFold(s, "https://"):
		scheme = "https"
	default:
		return refuse(refusedScheme)
	}
	rest := s[len(scheme)+3:]
	if strings.Contains(rest, `\`) {
		return refuse(refusedHost)
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	authority, tail := rest[:end], rest[end:]
	if authority == "" {
		return refuse(refusedScheme)
	}
	if strings.Contains(authority, "@") {
		return refuse(refusedUserinfo)
	}
	host, port := authority, ""
	if i := strings.LastIndexByte(authority, ':'); i >= 0 && !strings.HasSuffix(authority, "]") {
		host, port = authority[:i], authority[i+1:]
		if port == "" || strings.Trim(port, "0123456789") != "" || len(port) > 5 {
			return refuse(refusedHost)
		}
		port = ":" + port
	}
	ascii, reason := asciiHost(host)
	if reason != "" {
		return refuse(reason)
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Opaque != "" || u.User != nil {
		return refuse(refusedScheme)
	}
	href := s
	if ascii != strings.ToLower(host) {
		href = s[:len(scheme)+3] + ascii + port + tail
	}
	return link{Href: href, Shown: scheme + "://" + ascii + port + showText(tail)}
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
