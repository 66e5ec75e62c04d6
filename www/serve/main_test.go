package main

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"scanpage/preview"
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

// TestDotPaths: nothing under a dot-directory or named with a dot is
// served, wherever it sits in the path (a checkout's .git, an .env.d).
func TestDotPaths(t *testing.T) {
	root := fstest.MapFS{
		"index.html":           {Data: []byte("page")},
		".git/config":          {Data: []byte("no")},
		".env.d/prod":          {Data: []byte("no")},
		"sub/.hidden/x.js":     {Data: []byte("no")},
		"sub/.well/index.html": {Data: []byte("no")},
		"sub/ok.js":            {Data: []byte("yes")},
	}
	h := handler(root)
	for _, p := range []string{"/.git/config", "/.env.d/prod", "/sub/.hidden/x.js", "/sub/.well/", "/%2egit/config", "/sub/./.hidden/x.js"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", p, nil))
		if w.Code != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", p, w.Code)
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/sub/ok.js", nil))
	if w.Code != http.StatusOK {
		t.Errorf("GET /sub/ok.js: status %d, want 200", w.Code)
	}
}

// TestSymlinksStayInside: a symlink in the served directory that leads
// out of it is not followed; one that stays inside is.
func TestSymlinksStayInside(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "passwd")
	if err := os.WriteFile(secret, []byte("root:x:0:0"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "index.html"), []byte("page"), 0o644))
	must(os.Mkdir(filepath.Join(dir, "sub"), 0o755))
	must(os.Symlink(secret, filepath.Join(dir, "sub", "passwd")))
	must(os.Symlink(outside, filepath.Join(dir, "sub", "etcdir")))
	must(os.Symlink("../index.html", filepath.Join(dir, "sub", "home.html")))
	root, err := rootFS(dir)
	must(err)
	h := handler(root)
	for _, tc := range []struct {
		path   string
		status int
	}{
		{"/sub/passwd", 404},
		{"/sub/etcdir/passwd", 404},
		{"/sub/home.html", 200},
		{"/index.html", 200},
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", tc.path, nil))
		if w.Code != tc.status {
			t.Errorf("GET %s: status %d, want %d", tc.path, w.Code, tc.status)
		}
		if strings.Contains(w.Body.String(), "root:x") {
			t.Errorf("GET %s: served a file outside the root", tc.path)
		}
	}
}

// TestFramingAndMethods: no other site may frame the page, and a refused
// method says which ones are allowed.
func TestFramingAndMethods(t *testing.T) {
	h := handler(fstest.MapFS{"index.html": {Data: []byte("page")}})
	for _, method := range []string{"GET", "POST"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(method, "/", nil))
		if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'self'") {
			t.Errorf("%s /: CSP %q lacks frame-ancestors 'self'", method, csp)
		}
		if got := w.Header().Get("X-Frame-Options"); got != "SAMEORIGIN" {
			t.Errorf("%s /: X-Frame-Options %q, want SAMEORIGIN", method, got)
		}
	}
	for _, method := range []string{"POST", "PUT", "DELETE", "OPTIONS"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(method, "/", nil))
		if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s /: %d, Allow %q; want 405 and Allow: GET, HEAD", method, w.Code, w.Header().Get("Allow"))
		}
	}
}

// TestTimeouts: the server has every timeout set, and an idle keep-alive
// connection is closed once its idle timeout has passed.
func TestTimeouts(t *testing.T) {
	srv := newServer(handler(fstest.MapFS{"index.html": {Data: []byte("page")}}), defaultTimeouts)
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 {
		t.Fatalf("timeouts: header %v, read %v, write %v, idle %v; all must be set",
			srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout)
	}
	if srv.IdleTimeout > 2*time.Minute {
		t.Errorf("idle timeout %v: an idle connection is held too long", srv.IdleTimeout)
	}

	idle := 300 * time.Millisecond
	ts := timeouts{header: time.Second, read: time.Second, write: time.Second, idle: idle}
	srv = newServer(handler(fstest.MapFS{"index.html": {Data: []byte("page")}}), ts)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	br := bufio.NewReader(conn)
	fmt.Fprintf(conn, "GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n")
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	start := time.Now()
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	if _, err := br.ReadByte(); err != io.EOF {
		t.Fatalf("idle connection: read %v, want EOF (closed by the server)", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("idle connection closed after %v, want about %v", d, idle)
	}
}

// TestServesOnlyTheSite: `make serve` and the server's default serve
// build/site, and build/site holds nothing but the page: no Go, no source
// maps, no sources or tests.
func TestServesOnlyTheSite(t *testing.T) {
	if defaultDir != "build/site" {
		t.Errorf("default -dir %q, want build/site", defaultDir)
	}
	mk, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	var recipe []string
	in := false
	for _, line := range strings.Split(string(mk), "\n") {
		switch {
		case strings.HasPrefix(line, "serve:"):
			in = true
		case in && strings.HasPrefix(line, "\t"):
			recipe = append(recipe, line)
		default:
			in = false
		}
	}
	if len(recipe) != 1 || !strings.Contains(recipe[0], "-dir $(SITE)") || !strings.Contains(string(mk), "SITE := build/site") {
		t.Errorf("make serve recipe %q: want one command serving -dir $(SITE) = build/site", recipe)
	}

	site := "../../build/site"
	if _, err := os.Stat(site); err != nil {
		t.Skip("build/site not built: `make build` first (make test builds it before the page tests)")
	}
	allowed := map[string]bool{".html": true, ".js": true, ".css": true, ".wasm": true, ".json": true, ".svg": true, ".br": true, ".gz": true}
	err = filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(site, p)
		if strings.HasPrefix(d.Name(), ".") && rel != "." {
			t.Errorf("build/site/%s: dot-file served", rel)
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			t.Errorf("build/site/%s: symlink", rel)
		}
		name := strings.TrimSuffix(strings.TrimSuffix(d.Name(), ".br"), ".gz")
		if ext := filepath.Ext(name); !allowed[ext] || strings.HasSuffix(name, ".test.mjs") || strings.HasSuffix(name, "_test.js") {
			t.Errorf("build/site/%s: not part of the page (%s)", rel, ext)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCSPStrict checks the page's policy: no inline styles or scripts, the
// preview's stylesheet allowed by its current hash, and index.html's meta tag
// the same policy (but frame-ancestors, which a meta tag cannot set).
func TestCSPStrict(t *testing.T) {
	if strings.Contains(CSP, "unsafe-inline") || strings.Contains(CSP, "'unsafe-eval'") {
		t.Errorf("CSP %q", CSP)
	}
	if want := "style-src 'self' " + preview.StyleHash() + ";"; !strings.Contains(CSP, want) {
		t.Errorf("CSP %q: want %q (the preview's stylesheet changed: update its hash)", CSP, want)
	}
	page, err := os.ReadFile("../index.html")
	if err != nil {
		t.Fatal(err)
	}
	meta := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindSubmatch(page)
	if meta == nil {
		t.Fatal("index.html has no CSP meta tag")
	}
	if want := strings.TrimSuffix(CSP, "; frame-ancestors 'self'"); string(meta[1]) != want {
		t.Errorf("index.html's CSP\n%s\nwant\n%s", meta[1], want)
	}
}
