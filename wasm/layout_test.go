//go:build !(js && wasm)

package main

import (
	"go/build/constraint"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// This file is the one exception to "every file here is js && wasm": it is
// the native test that enforces the house's rules (README, "The house"): the
// JavaScript boundary is in this package alone, and the module's packages
// import one way, wasm → preview → preview/barcode → schema → schema/gtin.

// onlyJSWasm reports whether the file's build constraint holds for js/wasm
// and for nothing else.
func onlyJSWasm(src string) bool {
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "package ") {
			break
		}
		if !constraint.IsGoBuild(line) {
			continue
		}
		expr, err := constraint.Parse(line)
		if err != nil {
			return false
		}
		eval := func(tags ...string) bool {
			return expr.Eval(func(tag string) bool {
				for _, t := range tags {
					if t == tag {
						return true
					}
				}
				return false
			})
		}
		return eval("js", "wasm") && !eval("js") && !eval("wasm") && !eval("linux", "amd64") && !eval("wasip1", "wasm")
	}
	return false
}

// jsImports returns the imports of src that reach JavaScript.
func jsImports(t *testing.T, name, src string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var out []string
	for _, im := range f.Imports {
		p, _ := strconv.Unquote(im.Path.Value)
		if p == "syscall/js" || p == "github.com/hack-pad/safejs" || strings.HasPrefix(p, "github.com/hack-pad/safejs/") {
			out = append(out, p)
		}
	}
	return out
}

func TestCheckersCatchViolations(t *testing.T) {
	for src, want := range map[string]bool{
		"//go:build js && wasm\n\npackage main\n": true,
		"//go:build wasm && js\n\npackage main\n": true,
		"package main\n":                           false,
		"//go:build js\n\npackage main\n":          false,
		"//go:build js || wasm\n\npackage main\n":  false,
		"//go:build !windows\n\npackage main\n":    false,
		"// go:build js && wasm\n\npackage main\n": false,
	} {
		if got := onlyJSWasm(src); got != want {
			t.Errorf("onlyJSWasm(%q) = %v, want %v", src, got, want)
		}
	}
	if got := jsImports(t, "x.go", "package x\nimport (\n\"fmt\"\nsj \"github.com/hack-pad/safejs\"\n\"syscall/js\"\n)\n"); len(got) != 2 {
		t.Errorf("jsImports found %v, want safejs and syscall/js", got)
	}
}

func TestEveryWasmFileIsJSWasmOnly(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil || len(files) < 2 {
		t.Fatalf("no Go files found here: %v", err)
	}
	for _, name := range files {
		if name == "layout_test.go" {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !onlyJSWasm(string(src)) {
			t.Errorf("wasm/%s lacks the constraint //go:build js && wasm", name)
		}
	}
}

func TestNoOtherPackageReachesJavaScript(t *testing.T) {
	files := goFiles(t)
	for _, f := range files {
		if f.dir == "wasm" {
			continue
		}
		if got := jsImports(t, f.path, f.src); len(got) > 0 {
			t.Errorf("%s imports %v: only package wasm may know JavaScript", f.path, got)
		}
	}
	if len(files) < 5 {
		t.Fatalf("only %d Go files checked; is the walk looking at the module?", len(files))
	}
}

// A goFile is a Go file of the module: its path from here, its package's
// directory from the module root, and its text.
type goFile struct{ path, dir, src string }

// goFiles reads every Go file of the module, tests included, but none of
// third_party's, testdata's, node_modules' or build's.
func goFiles(t *testing.T) []goFile {
	var out []goFile
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "node_modules", ".git", "testdata", "build", "third_party":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out = append(out, goFile{path, filepath.ToSlash(filepath.Dir(strings.TrimPrefix(path, "../"))), string(src)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// floors ranks the module's packages: a package's non-test files may import
// only packages on a lower floor, and never one on floor 0. Floor 0 is for
// what only tests use and what imports nothing of the module: the dev
// server, the test kit, the hostile inputs of the budget tests
// (schema/hostile), and bench, which holds only tests (tests may import
// anything). The catalogue rules (schema/catalogue) sit above schema, under
// wasm and cmd/scanpage. The bench's generator of catalogues (bench/catgen,
// which uses gtin alone, and its command) shares their floor: it may use
// schema, but nothing that draws.
var floors = map[string]int{
	"schema/gtin":             10,
	"schema":                  20,
	"schema/catalogue":        25,
	"schema/hostile":          0,
	"bench/catgen":            25,
	"bench/catgen/cmd/catgen": 26,
	"preview/barcode":         30,
	"preview":                 40,
	"wasm":                    50,
	"cmd/scanpage":            50,
	"www/serve":               0,
	"testkit":                 0,
	"bench":                   0,
}

// moduleImports returns, for every package directory of the module, the
// module packages its non-test files import (whatever their build tags).
func moduleImports(t *testing.T) map[string]map[string]bool {
	const module = "scanpage/"
	out := map[string]map[string]bool{}
	for _, gf := range goFiles(t) {
		if strings.HasSuffix(gf.path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), gf.path, gf.src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		if out[gf.dir] == nil {
			out[gf.dir] = map[string]bool{}
		}
		for _, im := range f.Imports {
			if p, _ := strconv.Unquote(im.Path.Value); strings.HasPrefix(p, module) {
				out[gf.dir][strings.TrimPrefix(p, module)] = true
			}
		}
	}
	return out
}

func TestImportsPointOneWay(t *testing.T) {
	pkgs := moduleImports(t)
	if len(pkgs) < 5 {
		t.Fatalf("only %d packages found; is the walk looking at the module?", len(pkgs))
	}
	for dir, imports := range pkgs {
		floor, ok := floors[dir]
		if !ok {
			t.Errorf("%s: a package the house does not know; give it a floor in layout_test.go", dir)
			continue
		}
		for im := range imports {
			if f, ok := floors[im]; !ok || f == 0 || f >= floor {
				t.Errorf("%s imports %s: arrows point down only (wasm → preview → preview/barcode → schema → schema/gtin; wasm, cmd/scanpage → schema/catalogue → schema)", dir, im)
			}
		}
	}
}
