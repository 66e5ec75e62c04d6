//go:build js && wasm

package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/hack-pad/safejs"

	"scanpage/schema"
)

// The page's path through JavaScript: a worker's checkBatch on an NDJSON
// file, then the facts of every document through catalogueIssues on one
// instance, give the cross-document issues; barcodeZip zips the symbols.
func TestCatalogueThroughJavaScript(t *testing.T) {
	text := `{"keystandard": "ean13", "keystr": "6901939621608"}` + "\n\n" +
		`{"keystandard": "ean13", "keystr": "6901939621608"}` + "\n" + `{"keystr": ` + "\n"
	var batch struct {
		Docs []struct {
			Ref    schema.DocRef
			Valid  bool
			Issues []schema.Issue
			Facts  json.RawMessage
		}
	}
	if err := json.Unmarshal([]byte(jsString(t, call(t, apiFunc(t, "checkBatch"), text, `{"name": "a.ndjson", "lang": "en"}`))), &batch); err != nil {
		t.Fatal(err)
	}
	if len(batch.Docs) != 3 || batch.Docs[1].Ref.Line != 3 || batch.Docs[2].Ref.Line != 4 || batch.Docs[2].Valid {
		t.Fatalf("batch %+v", batch)
	}
	for _, is := range batch.Docs[2].Issues {
		if is.Line < 4 {
			t.Errorf("issue of line 4's document at line %d", is.Line)
		}
	}
	var facts []json.RawMessage
	for _, d := range batch.Docs {
		facts = append(facts, d.Facts)
	}
	fj, _ := json.Marshal(facts)
	var cat struct {
		Docs []struct {
			Valid  bool
			Issues []schema.CatalogueIssue
		}
		Rest    []schema.CatalogueIssue
		Summary schema.Summary
	}
	if err := json.Unmarshal([]byte(jsString(t, call(t, apiFunc(t, "catalogueIssues"), string(fj), `{"lang": "en"}`))), &cat); err != nil {
		t.Fatal(err)
	}
	if len(cat.Docs) != 3 || len(cat.Docs[1].Issues) != 1 || cat.Docs[1].Issues[0].Issue.Code != "catalogue.keystr.duplicate" ||
		cat.Docs[1].Issues[0].Issue.Line != 3 || !strings.Contains(cat.Docs[1].Issues[0].Issue.Message, "a.ndjson:1:36") {
		t.Fatalf("catalogue %+v", cat)
	}
	if cat.Summary.Documents != 3 || cat.Summary.Invalid < 2 {
		t.Errorf("summary %+v", cat.Summary)
	}
	if err := json.Unmarshal([]byte(jsString(t, call(t, apiFunc(t, "catalogueIssues"), "{", "{}"))), &struct{}{}); err != nil {
		t.Fatal(err)
	}

	out := call(t, apiFunc(t, "barcodeZip"), `["6901939621608", "123", "6901939621608", "96385074"]`, "{}")
	head, _ := out.Index(0)
	var info struct{ Files, Skipped int }
	if err := json.Unmarshal([]byte(jsString(t, head)), &info); err != nil || info.Files != 2 || info.Skipped != 1 {
		t.Fatalf("barcodeZip: %+v %v", info, err)
	}
	u8, _ := out.Index(1)
	n, _ := u8.Length()
	b := make([]byte, n)
	if _, err := safejs.CopyBytesToGo(b, u8); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(n))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		if strings.HasSuffix(f.Name, ".svg") && !strings.Contains(string(body), "<svg") {
			t.Errorf("%s is not an SVG", f.Name)
		}
	}
	if strings.Join(names, " ") != "6901939621608.svg 96385074.svg skipped.txt" {
		t.Errorf("zip holds %v", names)
	}
}
