package gtin

import "strconv"

// Severity says how much a finding matters for a product page. The values
// are ordered, so the worst of several findings is the largest.
type Severity uint8

// The severities, from harmless to fatal.
const (
	OK      Severity = iota // nothing to report; no Finding carries it
	Info                    // a hint: the code is fine but worth knowing about
	Warning                 // accepted, but probably not what the author wants
	Error                   // the code cannot identify a retail product
)

var severityNames = [...]string{"ok", "info", "warning", "error"}

// String returns "ok", "info", "warning" or "error".
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return "Severity(" + strconv.Itoa(int(s)) + ")"
}
