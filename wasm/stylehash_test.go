//go:build js && wasm

package main

import (
	"os"
	"strings"
	"testing"

	"scanpage/preview"
)

// TestPublishedStyleHash: the npm README publishes the preview stylesheet's
// hash for hosts' style-src; it must be the one the preview carries, or
// every host that copied it gets an unstyled preview.
func TestPublishedStyleHash(t *testing.T) {
	readme, err := os.ReadFile("js/README.md")
	if err != nil {
		t.Fatal(err)
	}
	hash := preview.StyleHash()
	if !strings.Contains(string(readme), hash) {
		t.Errorf("wasm/js/README.md does not publish the preview's stylesheet hash %s", hash)
	}
	if n := strings.Count(string(readme), "'sha256-"); n != strings.Count(string(readme), hash) {
		t.Errorf("wasm/js/README.md names %d sha256 hashes, %d of them the stylesheet's", n, strings.Count(string(readme), hash))
	}
}
