// scanpage: byte-loop matchers for a schema's "pattern"s (see SCANPAGE.md).

package gojsonschema

import "sync"

var (
	patternsMu sync.RWMutex
	patterns   = map[string]func(string) bool{}
)

// MatchPatternWith makes schemas compiled from now on check the "pattern"
// expr with match instead of the regexp, which must accept exactly the
// strings the regexp matches (the caller proves it). The regexp is still
// compiled, and error messages are unchanged.
func MatchPatternWith(expr string, match func(string) bool) {
	patternsMu.Lock()
	defer patternsMu.Unlock()
	patterns[expr] = match
}

// patternMatcher returns the matcher registered for expr, or nil.
func patternMatcher(expr string) func(string) bool {
	patternsMu.RLock()
	defer patternsMu.RUnlock()
	return patterns[expr]
}
