// Command catgen writes a generated catalogue (package catgen) for tests
// and benchmarks:
//
//	go run ./bench/catgen/cmd/catgen -n 100000 -seed 1 -out build/catalogue
//
// writes OUT/files/NNNNNN-CODE.json (one pretty-printed document each, in
// folders of 1,000), OUT/catalogue.ndjson (the same documents, one per
// line) and OUT/expect.json (the number of documents of each fault).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"scanpage/bench/catgen"
)

func main() {
	n := flag.Int("n", 1000, "documents")
	seed := flag.Int64("seed", 1, "seed: the same seed and n give the same files")
	out := flag.String("out", "build/catalogue", "output folder")
	files := flag.Bool("files", true, "write one file per document")
	flag.Parse()
	if err := write(catgen.Default(*n, *seed), *out, *files); err != nil {
		fmt.Fprintln(os.Stderr, "catgen:", err)
		os.Exit(1)
	}
}

func write(o catgen.Options, out string, files bool) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(out, "catalogue.ndjson"))
	if err != nil {
		return err
	}
	defer f.Close()
	nd := bufio.NewWriterSize(f, 1<<20)
	var werr error
	o.Generate(func(d catgen.Doc) bool {
		nd.WriteString(d.Line)
		nd.WriteByte('\n')
		if files {
			dir := filepath.Join(out, "files", fmt.Sprintf("%03d", d.Index/1000))
			if d.Index%1000 == 0 {
				if werr = os.MkdirAll(dir, 0o755); werr != nil {
					return false
				}
			}
			if werr = os.WriteFile(filepath.Join(dir, d.Name()), []byte(d.Pretty), 0o644); werr != nil {
				return false
			}
		}
		return true
	})
	if werr != nil {
		return werr
	}
	if err := nd.Flush(); err != nil {
		return err
	}
	exp := map[string]int{"documents": o.N}
	for f, k := range o.Expect() {
		if f != catgen.None {
			exp[string(f)] = k
		}
	}
	b, _ := json.MarshalIndent(exp, "", "  ")
	return os.WriteFile(filepath.Join(out, "expect.json"), append(b, '\n'), 0o644)
}
