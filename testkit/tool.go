// Package testkit finds what some tests need from the machine: zbarimg,
// which proves that a drawn symbol scans, and Chromium, which proves that
// an SVG renders. The JS tests share the same conventions (browser.mjs).
//
// Like the standard library's internal/testenv, a missing program skips the
// test with one line saying what to install, so that `go test ./...` passes
// on a machine with only Go. `make test` and CI set SCANPAGE_NO_SKIP=1:
// there a missing program fails the test instead, so that nothing is
// silently left unproven. SCANPAGE_CHROMIUM names the browser to use, here
// and in the JS tests.
package testkit

import (
	"os"
	"os/exec"
	"runtime"
	"testing"
)

// The programs the tests may need, with the Debian package that has them.
var tools = map[string]struct {
	pkg   string
	names []string
}{
	"zbarimg":  {"zbar-tools", []string{"zbarimg"}},
	"chromium": {"chromium", []string{"chromium", "chromium-browser", "google-chrome"}},
}

// Tool returns the path of the program name ("zbarimg" or "chromium").
// Missing, it skips t, or fails it when SCANPAGE_NO_SKIP=1. A test binary
// compiled to wasm cannot start programs at all: it always skips there (the
// native run of the same test does the work).
func Tool(t testing.TB, name string) string {
	t.Helper()
	tool, ok := tools[name]
	if !ok {
		t.Fatalf("testkit: unknown tool %q", name)
	}
	if runtime.GOOS == "js" {
		t.Skipf("%s: external programs cannot run inside wasm; the native test runs it", name)
	}
	if name == "chromium" {
		if p := os.Getenv("SCANPAGE_CHROMIUM"); p != "" {
			return p
		}
	}
	for _, n := range tool.names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	msg := name + " not found: apt-get install " + tool.pkg
	if os.Getenv("SCANPAGE_NO_SKIP") == "1" {
		t.Fatal(msg + " (SCANPAGE_NO_SKIP=1: this test must run)")
	}
	t.Skip(msg)
	return ""
}
