package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestHandler(t *testing.T) {
	root := fstest.MapFS{
		"index.html":        {Data: []byte("<!doctype html>page")},
		"scanpage.wasm":     {Data: []byte("\x00asm raw")},
		"scanpage.wasm.br":  {Data: []byte("brotli bytes")},
		"scanpage.wasm.gz":  {Data: []byte("gzip bytes")},
		".secret":           {Data: []byte("no")},
		"node_modules/x.js": {Data: []byte("no")},
	}
	h := handler(root)
	get := func(path, accept string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("GET", path, nil)
		if accept != "" {
			r.Header.Set("Accept-Encoding", accept)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	for _, tc := range []struct {
		path, accept          string
		status                int
		body, ctype, encoding string
	}{
		{"/", "", 200, "<!doctype html>page", "text/html; charset=utf-8", ""},
		{"/scanpage.wasm", "gzip, deflate, br, zstd", 200, "brotli bytes", "application/wasm", "br"},
		{"/scanpage.wasm", "gzip", 200, "gzip bytes", "application/wasm", "gzip"},
		{"/scanpage.wasm", "br;q=0, gzip", 200, "gzip bytes", "application/wasm", "gzip"},
		{"/scanpage.wasm", "", 200, "\x00asm raw", "application/wasm", ""},
		{"/.secret", "", 404, "", "", ""},
		{"/node_modules/x.js", "", 404, "", "", ""},
		{"/../go.mod", "", 404, "", "", ""},
		{"/missing.js", "br", 404, "", "", ""},
	} {
		w := get(tc.path, tc.accept)
		if w.Code != tc.status {
			t.Errorf("GET %s (%s): status %d, want %d", tc.path, tc.accept, w.Code, tc.status)
			continue
		}
		if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") || strings.Contains(csp, "'unsafe-eval'") {
			t.Errorf("GET %s: CSP %q", tc.path, csp)
		}
		if tc.status != http.StatusOK {
			continue
		}
		if got := w.Body.String(); got != tc.body {
			t.Errorf("GET %s (%s): body %q, want %q", tc.path, tc.accept, got, tc.body)
		}
		if got := w.Header().Get("Content-Type"); got != tc.ctype {
			t.Errorf("GET %s: Content-Type %q, want %q", tc.path, got, tc.ctype)
		}
		if got := w.Header().Get("Content-Encoding"); got != tc.encoding {
			t.Errorf("GET %s (%s): Content-Encoding %q, want %q", tc.path, tc.accept, got, tc.encoding)
		}
	}

	// Revalidation: the same ETag is 304, another file version is 200.
	tag := get("/scanpage.wasm", "br").Header().Get("ETag")
	if tag == "" || tag == get("/scanpage.wasm", "gzip").Header().Get("ETag") {
		t.Fatalf("ETag %q: each encoding needs its own", tag)
	}
	r := httptest.NewRequest("GET", "/scanpage.wasm", nil)
	r.Header.Set("Accept-Encoding", "br")
	r.Header.Set("If-None-Match", tag)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusNotModified {
		t.Errorf("If-None-Match with the current tag: %d, want 304", w.Code)
	}
	root["scanpage.wasm.br"] = &fstest.MapFile{Data: []byte("new brotli bytes"), ModTime: time.Now()}
	w = httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusOK || w.Body.String() != "new brotli bytes" {
		t.Errorf("If-None-Match after a rebuild: %d %q, want 200 and the new file", w.Code, w.Body.String())
	}

	// A file edited after its twins were made is sent itself, not its stale twin.
	root["scanpage.wasm"] = &fstest.MapFile{Data: []byte("edited"), ModTime: time.Now().Add(time.Second)}
	if w := get("/scanpage.wasm", "br, gzip"); w.Body.String() != "edited" || w.Header().Get("Content-Encoding") != "" {
		t.Errorf("stale twins: got %q (Content-Encoding %q), want the edited file", w.Body.String(), w.Header().Get("Content-Encoding"))
	}
}
