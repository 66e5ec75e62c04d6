// Command serve serves the scanpage page (build/site, what `make build`
// writes) for `make serve` and the browser tests: .wasm as
// application/wasm, precompressed .br/.gz files when the browser accepts
// them, and the page's Content-Security-Policy on every response.
//
//	go run ./www/serve -addr 127.0.0.1:8080 -dir build/site
//
// It serves GET and HEAD only (405 with Allow otherwise), never a path with
// a dot-file or dot-directory in it, never through a symlink out of its
// directory, and it closes connections that are slow or idle (timeouts).
//
// With -addr 127.0.0.1:0 it picks a free port; the first line it prints is
// the URL it serves, for tests to read.
package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"strings"
	"time"
)

// CSP is the policy of the page. Scripts come only from the page itself, and
// WebAssembly compiles without 'unsafe-eval'. Styles come only from the page
// itself, never inline: CodeMirror's are constructed style sheets (the editor
// is in a shadow root), and the preview, an <iframe sandbox srcdoc> that
// inherits this policy, has one constant stylesheet allowed by its hash
// (preview.StyleHash; main_test.go checks the two agree). Its images are the
// author's own http(s) URLs. Only the page itself may frame the page
// (frame-ancestors, and X-Frame-Options for older browsers). index.html
// repeats the policy, but frame-ancestors, as a meta tag.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'sha256-sFTba5KPDZ5Qmmyhy3EKWqi0n4/jaMUWZlKl2Zrb/vI='; " +
	"img-src 'self' data: blob: http: https:; connect-src 'self'; worker-src 'self'; frame-src 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

var types = map[string]string{
	".wasm":        "application/wasm",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json; charset=utf-8",
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".txt":         "text/plain; charset=utf-8",
	".webmanifest": "application/manifest+json",
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free one)")
	dir := flag.String("dir", defaultDir, "directory to serve")
	flag.Parse()
	root, err := rootFS(*dir)
	if err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("http://%s/\n", ln.Addr())
	log.Fatal(newServer(handler(root), defaultTimeouts).Serve(ln))
}

// defaultDir is what the server serves without -dir: the built page, never
// the source tree (its Go, its tests, its source maps).
const defaultDir = "build/site"

// timeouts bound how long one connection may hold the server: reading a
// request's header and body, writing its response, and waiting idle for
// the next request on a kept-alive connection.
type timeouts struct{ header, read, write, idle time.Duration }

// defaultTimeouts suit a static site on a local or slow network: the largest
// file (the wasm, about 1 MB compressed) is written well within the write
// timeout, and a browser reopens a connection closed while idle.
var defaultTimeouts = timeouts{header: 5 * time.Second, read: 10 * time.Second, write: 60 * time.Second, idle: 30 * time.Second}

// newServer returns the server for h with the timeouts t.
func newServer(h http.Handler, t timeouts) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: t.header,
		ReadTimeout:       t.read,
		WriteTimeout:      t.write,
		IdleTimeout:       t.idle,
	}
}

// rootFS opens dir so that nothing outside it can be reached: symlinks that
// lead out of it fail to open (os.Root), those that stay inside work.
func rootFS(dir string) (fs.FS, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return r.FS(), nil
}

// handler serves files from root.
func handler(root fs.FS) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "SAMEORIGIN")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if name == "" || strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		if !fs.ValidPath(name) || hidden(name) {
			http.NotFound(w, r)
			return
		}
		if t, ok := types[path.Ext(name)]; ok {
			h.Set("Content-Type", t)
		} else if t := mime.TypeByExtension(path.Ext(name)); t != "" {
			h.Set("Content-Type", t)
		}
		// Nothing is content-hashed: browsers revalidate (cheap 304s) and the
		// service worker keeps the page working offline.
		h.Set("Cache-Control", "no-cache")
		h.Add("Vary", "Accept-Encoding")
		accept := r.Header.Get("Accept-Encoding")
		f, st, ok := open(root, name)
		if !ok {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if !accepts(accept, enc.token) {
				continue
			}
			// A twin older than its file is stale (the file was edited
			// after the last make build): the file itself is sent instead.
			if cf, cst, ok := open(root, name+enc.ext); ok {
				defer cf.Close()
				if cst.ModTime().Before(st.ModTime()) {
					continue
				}
				h.Set("Content-Encoding", enc.token)
				h.Set("ETag", etag(cst))
				http.ServeContent(w, r, name, cst.ModTime(), cf)
				return
			}
		}
		h.Set("ETag", etag(st))
		http.ServeContent(w, r, name, st.ModTime(), f)
	})
}

// hidden reports whether name is not to be served: any element of its path
// starts with a dot (.git, .env, .well-known alike) or is node_modules.
func hidden(name string) bool {
	for _, el := range strings.Split(name, "/") {
		if strings.HasPrefix(el, ".") || el == "node_modules" {
			return true
		}
	}
	return false
}

// etag names a file's version by its size and modification time to the
// nanosecond, so that revalidation (the service worker's, a browser's) sees
// a rebuild even within the second Last-Modified is counted in. Each
// encoding is its own file, so it has its own tag.
func etag(st fs.FileInfo) string {
	return fmt.Sprintf(`"%x-%x"`, st.Size(), st.ModTime().UnixNano())
}

// A seekFile is a file ServeContent can seek (os.DirFS files are).
type seekFile interface {
	fs.File
	io.Seeker
}

// open opens a regular file of root that ServeContent can seek.
func open(root fs.FS, name string) (seekFile, fs.FileInfo, bool) {
	f, err := root.Open(name)
	if err != nil {
		return nil, nil, false
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, false
	}
	sf, ok := f.(seekFile)
	if !ok {
		f.Close()
		return nil, nil, false
	}
	return sf, st, true
}

// accepts reports whether an Accept-Encoding header allows token (q > 0).
func accepts(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), token) {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return !(q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000")
	}
	return false
}
