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
// the native test that enforces the rule (architecture.md). It keeps the
// JavaScript boundary in this package alone.

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
	checked := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "wasm", "node_modules", ".git", "testdata":
				if path != ".." {
					return filepath.SkipDir
				}
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
		checked++
		if got := jsImports(t, path, string(src)); len(got) > 0 {
			t.Errorf("%s imports %v: only package wasm may know JavaScript", path, got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 5 {
		t.Fatalf("only %d Go files checked; is the walk looking at the module?", checked)
	}
}
