package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"scanpage/bench/catgen"
	"scanpage/schema"
	"scanpage/schema/catalogue"
)

// check runs the command and returns its exit status, stdout and stderr.
func check(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"check"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

// output is the JSON format, as README documents it (decode checks its
// keys; the issues and the summary are the schema's own types).
type output struct {
	Files []struct {
		Name   string         `json:"name"`
		Line   int            `json:"line"`
		Valid  bool           `json:"valid"`
		Issues []schema.Issue `json:"issues"`
	} `json:"files"`
	Catalogue []schema.CatalogueIssue `json:"catalogue"`
	Documents int                     `json:"documents"`
	Valid     int                     `json:"valid"`
	Invalid   int                     `json:"invalid"`
	Errors    int                     `json:"errors"`
	Warnings  int                     `json:"warnings"`
	Infos     int                     `json:"infos"`
	Summary   schema.Summary          `json:"summary"`
}

func decode(t *testing.T, s string) output {
	t.Helper()
	var o output
	if err := json.Unmarshal([]byte(s), &o); err != nil {
		t.Fatalf("JSON output: %v\n%.500s", err, s)
	}
	// The shape README documents, no more and no less.
	var top map[string]json.RawMessage
	json.Unmarshal([]byte(s), &top)
	if got := slices.Sorted(maps.Keys(top)); fmt.Sprint(got) != "[catalogue documents errors files infos invalid summary valid warnings]" {
		t.Errorf("top-level keys %v", got)
	}
	var files []map[string]json.RawMessage
	json.Unmarshal(top["files"], &files)
	for _, f := range files {
		if got := slices.Sorted(maps.Keys(f)); fmt.Sprint(got) != "[issues line name valid]" {
			t.Fatalf("file keys %v", got)
		}
	}
	return o
}

// generate writes a generated catalogue as files (in folders of 100) and
// as NDJSON, and returns the folder and the NDJSON file.
func generate(t *testing.T, o catgen.Options) (string, string) {
	t.Helper()
	dir := t.TempDir()
	var nd strings.Builder
	for i := range o.N {
		d := o.Doc(i)
		sub := filepath.Join(dir, "files", fmt.Sprintf("%02d", i/100))
		os.MkdirAll(sub, 0o755)
		if err := os.WriteFile(filepath.Join(sub, d.Name()), []byte(d.Pretty), 0o644); err != nil {
			t.Fatal(err)
		}
		nd.WriteString(d.Line + "\n")
	}
	ndjson := filepath.Join(dir, "catalogue.ndjson")
	os.WriteFile(ndjson, []byte(nd.String()), 0o644)
	return filepath.Join(dir, "files"), ndjson
}

// The generated catalogue with every fault injected gives exactly the
// counts the generator says, read as files or as NDJSON.
func TestCheckGenerated(t *testing.T) {
	o := catgen.Default(400, 7)
	exp := o.Expect()
	if exp[catgen.Duplicate] == 0 || exp[catgen.Outside] == 0 || exp[catgen.Broken] == 0 || exp[catgen.Invalid] == 0 {
		t.Fatalf("the catalogue lacks a fault: %v", exp)
	}
	files, ndjson := generate(t, o)
	for _, path := range []string{files, ndjson} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			code, out, stderr := check(t, "-format", "json", "-lang", "en", "-j", "3", path)
			if code != 1 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			r := decode(t, out)
			invalid := exp[catgen.Duplicate] + exp[catgen.Broken] + exp[catgen.Invalid]
			if r.Documents != o.N || r.Invalid != invalid || r.Valid != o.N-invalid || len(r.Files) != o.N {
				t.Errorf("documents %d valid %d invalid %d files %d; want %d, %d, %d", r.Documents, r.Valid, r.Invalid, len(r.Files), o.N, o.N-invalid, invalid)
			}
			codes := r.Summary.Codes
			for c, want := range map[string]int{
				"catalogue.keystr.duplicate":       exp[catgen.Duplicate],
				"catalogue.recommend.outside":      exp[catgen.Outside],
				"syntax.unexpected":                exp[catgen.Broken],
				"action.price.retail_price.format": exp[catgen.Invalid],
			} {
				if codes[c] != want {
					t.Errorf("%s: %d, want %d", c, codes[c], want)
				}
			}
			if r.Errors != invalid {
				t.Errorf("errors %d, want %d (one per faulty document)", r.Errors, invalid)
			}
			if len(r.Catalogue) != exp[catgen.Duplicate]+exp[catgen.Outside] {
				t.Errorf("catalogue issues %d", len(r.Catalogue))
			}
			// Each document in input order, each fault where the generator put it.
			for i, f := range r.Files {
				fault := o.FaultOf(i)
				if f.Valid != (fault == catgen.None || fault == catgen.Outside) {
					t.Errorf("document %d (%s) valid = %v", i, fault, f.Valid)
				}
				if path == ndjson && (f.Name != ndjson || f.Line != i+1) {
					t.Errorf("document %d is %s:%d", i, f.Name, f.Line)
				}
				if path == files && (!strings.HasSuffix(f.Name, o.Doc(i).Name()) || f.Line != 1) {
					t.Errorf("document %d is %s:%d", i, f.Name, f.Line)
				}
				for _, is := range f.Issues {
					if path == ndjson && is.Line != i+1 {
						t.Errorf("document %d has an issue on line %d", i, is.Line)
					}
				}
			}
			for _, c := range r.Catalogue {
				if c.Issue.Code == "catalogue.keystr.duplicate" {
					if c.Issue.Path != "/keystr" || (path == files && c.Issue.Line != 3) || (path == ndjson && c.Issue.Line != c.Line) {
						t.Errorf("duplicate at %+v", c)
					}
				}
			}
		})
	}
}

// An array of documents: each document is named by the line it starts on,
// and its issues are positioned in the file.
func TestCheckArray(t *testing.T) {
	o := catgen.Default(5, 3)
	var b strings.Builder
	b.WriteString("[\n")
	var starts []int
	line := 2
	for i := range o.N {
		d := o.Doc(i)
		starts = append(starts, line)
		b.WriteString(strings.TrimSuffix(d.Pretty, "\n"))
		line += strings.Count(d.Pretty, "\n")
		if i < o.N-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	// A duplicate of the first document at the end, on one line.
	text := strings.TrimSuffix(b.String(), "\n]\n") + ",\n" + o.Doc(0).Line + "\n]\n"
	starts = append(starts, line)
	path := filepath.Join(t.TempDir(), "all.json")
	os.WriteFile(path, []byte(text), 0o644)

	_, out, _ := check(t, "-format", "json", "-lang", "en", path)
	r := decode(t, out)
	if r.Documents != o.N+1 {
		t.Fatalf("documents %d", r.Documents)
	}
	for i, f := range r.Files {
		if f.Line != starts[i] {
			t.Errorf("document %d starts on line %d, want %d", i, f.Line, starts[i])
		}
	}
	var dup *schema.Issue
	for _, c := range r.Catalogue {
		if c.Issue.Code == "catalogue.keystr.duplicate" {
			dup = &c.Issue
			if c.Line != starts[o.N] {
				t.Errorf("duplicate named at document line %d", c.Line)
			}
		}
	}
	if dup == nil {
		t.Fatal("no duplicate")
	}
	wantCol := strings.Index(o.Doc(0).Line, `"keystr":"`) + len(`"keystr":"`)
	if dup.Line != starts[o.N] || dup.Column != wantCol {
		t.Errorf("duplicate at %d:%d, want %d:%d", dup.Line, dup.Column, starts[o.N], wantCol)
	}
	// The first document starts on line 2; its keystr is on its line 3.
	if !strings.Contains(dup.Message, fmt.Sprintf("%s:4:13;", path)) {
		t.Errorf("duplicate does not name the first keystr (%s:4:13): %s", path, dup.Message)
	}
}

// A broken file among good ones, and an unreadable path: the others are
// still checked, and the exit status says the input was bad.
func TestCheckExitStatus(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile("../../samples/04-reconstructed-full-features.json")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "good.json"), good, 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a document"), 0o644)

	code, out, stderr := check(t, "-lang", "en", dir)
	if code != 0 || stderr != "" {
		t.Errorf("valid folder: exit %d, stderr %q", code, stderr)
	}
	if !strings.HasSuffix(out, "1 documents: 1 valid, 0 invalid; 0 errors, 2 warnings, 2 infos\n") {
		t.Errorf("valid folder (notes.txt is not read): %q", out)
	}

	broken := strings.Replace(string(good[:len(good)/2]), "6954496901201", "6954496900556", 1)
	os.WriteFile(filepath.Join(dir, "broken.json"), []byte(broken), 0o644)
	code, out, _ = check(t, "-lang", "en", dir)
	if code != 1 || !strings.Contains(out, filepath.Join(dir, "broken.json")+":28:99: error syntax.truncated ") ||
		!strings.Contains(out, "\n2 documents: 1 valid, 1 invalid; 1 errors, 1 warnings, 2 infos\n") {
		t.Errorf("broken file: exit %d\n%s", code, out)
	}

	code, out, stderr = check(t, "-lang", "en", dir, filepath.Join(dir, "missing.json"))
	if code != 2 || !strings.Contains(stderr, "missing.json") || !strings.Contains(out, "2 documents") {
		t.Errorf("missing path: exit %d, stderr %q, out %q", code, stderr, out)
	}
	for _, args := range [][]string{{}, {"-format", "xml", dir}, {"-lang", "fr", dir}, {"-j", "0", dir}, {"-nope", dir}} {
		if code, _, stderr := check(t, args...); code != 2 || stderr == "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
	var out2, err2 bytes.Buffer
	if code := run([]string{"lint", dir}, &out2, &err2); code != 2 {
		t.Errorf("unknown command: exit %d", code)
	}
	if code, _, _ := check(t, "-merchant", filepath.Join(dir, "missing.json"), dir); code != 2 {
		t.Errorf("missing merchant file: exit %d", code)
	}
	// An error of the merchant context alone (every document valid) is
	// exit status 1 too.
	os.Remove(filepath.Join(dir, "broken.json"))
	bad := filepath.Join(t.TempDir(), "merchant.json")
	os.WriteFile(bad, []byte(`{"errcode": 40001, "errmsg": "invalid credential"}`), 0o644)
	if code, out, _ := check(t, "-lang", "en", "-merchant", bad, dir); code != 1 || !strings.Contains(out, "1 documents: 1 valid, 0 invalid") {
		t.Errorf("merchant context with an error: exit %d\n%s", code, out)
	}
}

// Text: every line but the last is file:line:col: severity code [errcode]
// message; the last is the totals.
func TestCheckText(t *testing.T) {
	_, ndjson := generate(t, catgen.Default(200, 5))
	code, out, _ := check(t, "-lang", "en", ndjson)
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(ndjson) + `:[1-9]\d*:[1-9]\d*: (error|warning|info) [a-z_.0-9]+( \[\d{5}\])? \S.*$`)
	for _, l := range lines[:len(lines)-1] {
		if !re.MatchString(l) {
			t.Errorf("line %q", l)
		}
	}
	if !regexp.MustCompile(`^200 documents: \d+ valid, \d+ invalid; \d+ errors, \d+ warnings, \d+ infos$`).MatchString(lines[len(lines)-1]) {
		t.Errorf("last line %q", lines[len(lines)-1])
	}
	if !strings.Contains(out, " error action.price.retail_price.format [63160] ") {
		t.Error("no errcode shown")
	}
	// The issues found at the end (recommended codes outside the
	// catalogue) are written too, before the totals.
	if got, want := strings.Count(out, " warning catalogue.recommend.outside "), catgen.Default(200, 5).Expect()[catgen.Outside]; got != want || want == 0 {
		t.Errorf("%d recommend.outside lines, want %d", got, want)
	}
	_, zh, _ := check(t, "-lang", "zh", ndjson)
	if !strings.HasSuffix(zh, "\n") || !strings.Contains(zh, "共 200 条商品信息") || !strings.Contains(zh, "已用于") {
		t.Errorf("Chinese: %.300s", zh[max(0, len(zh)-300):])
	}
}

// SARIF 2.1.0, checked against the shape code-scanning tools require.
func TestCheckSARIF(t *testing.T) {
	_, ndjson := generate(t, catgen.Default(200, 9))
	code, out, _ := check(t, "-format", "sarif", "-lang", "en", ndjson)
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	var log map[string]any
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if log["version"] != "2.1.0" || log["$schema"] != "https://json.schemastore.org/sarif-2.1.0.json" {
		t.Errorf("version %v, $schema %v", log["version"], log["$schema"])
	}
	runs, _ := log["runs"].([]any)
	if len(runs) != 1 {
		t.Fatalf("runs: %v", len(runs))
	}
	runObj := runs[0].(map[string]any)
	driver, _ := runObj["tool"].(map[string]any)["driver"].(map[string]any)
	if driver["name"] != "scanpage" {
		t.Errorf("driver name %v", driver["name"])
	}
	rules, _ := driver["rules"].([]any)
	ruleIDs := map[string]int{}
	for i, r := range rules {
		id, _ := r.(map[string]any)["id"].(string)
		if id == "" {
			t.Errorf("rule %d without id", i)
		}
		if _, dup := ruleIDs[id]; dup {
			t.Errorf("rule %s listed twice", id)
		}
		ruleIDs[id] = i
	}
	results, _ := runObj["results"].([]any)
	byRule := map[string]int{}
	// The UTF-16 offset each line of the file starts at: a result's
	// charOffset is its line's start plus its column.
	text, err := os.ReadFile(ndjson)
	if err != nil {
		t.Fatal(err)
	}
	lineStart := []int{0}
	for _, l := range strings.SplitAfter(string(text), "\n") {
		lineStart = append(lineStart, lineStart[len(lineStart)-1]+len(utf16.Encode([]rune(l))))
	}
	levels := map[string]string{"catalogue.keystr.duplicate": "error", "catalogue.recommend.outside": "warning", "action.card.custom_code": "note"}
	for i, x := range results {
		r := x.(map[string]any)
		id, _ := r["ruleId"].(string)
		idx, ok := ruleIDs[id]
		if !ok || r["ruleIndex"] != float64(idx) {
			t.Errorf("result %d: rule %q index %v not in the rules", i, id, r["ruleIndex"])
		}
		switch r["level"] {
		case "error", "warning", "note":
		default:
			t.Errorf("result %d: level %v", i, r["level"])
		}
		if m, _ := r["message"].(map[string]any)["text"].(string); m == "" {
			t.Errorf("result %d: no message text", i)
		}
		locs, _ := r["locations"].([]any)
		if len(locs) != 1 {
			t.Fatalf("result %d: %d locations", i, len(locs))
		}
		pl := locs[0].(map[string]any)["physicalLocation"].(map[string]any)
		uri, _ := pl["artifactLocation"].(map[string]any)["uri"].(string)
		region := pl["region"].(map[string]any)
		line, _ := region["startLine"].(float64)
		col, _ := region["startColumn"].(float64)
		if uri != ndjson || line < 1 || col < 1 {
			t.Errorf("result %d at %q %v:%v", i, uri, line, col)
		}
		if off, _ := region["charOffset"].(float64); line >= 1 && int(line) <= len(lineStart) && int(off) != lineStart[int(line)-1]+int(col)-1 {
			t.Errorf("result %d at %v:%v has charOffset %v, want %d", i, line, col, off, lineStart[int(line)-1]+int(col)-1)
		}
		if want, ok := levels[id]; ok && r["level"] != want {
			t.Errorf("result %d (%s): level %v, want %s", i, id, r["level"], want)
		}
		byRule[id]++
	}
	o := catgen.Default(200, 9)
	exp := o.Expect()
	if byRule["catalogue.keystr.duplicate"] != exp[catgen.Duplicate] || byRule["catalogue.recommend.outside"] != exp[catgen.Outside] {
		t.Errorf("results by rule: %v, expected %v", byRule, exp)
	}
	if uri := catalogue.URI("a b/文件.json"); uri != "a%20b/%E6%96%87%E4%BB%B6.json" {
		t.Errorf("uri %q", uri)
	}
}

// The merchant context applies to every document; its own issues are
// reported once.
func TestCheckMerchant(t *testing.T) {
	o := catgen.Default(90, 11)
	_, ndjson := generate(t, o)
	firms := catgen.Firms()
	merchant := filepath.Join(t.TempDir(), "merchant.json")
	os.WriteFile(merchant, []byte(fmt.Sprintf(`{"errcode": 0, "verified_firm_code_list": [%s, %s], "brand_tag_list": ["稚优泉", "小耿哥", "山野集", "云朵家", "青禾", "拾光", "禾木良品", "北纬三十度"], "extra": 1}`, firms[0], firms[1])), 0o644)
	_, out, _ := check(t, "-format", "json", "-lang", "en", "-merchant", merchant, ndjson)
	r := decode(t, out)
	outside := 0
	for i := range o.N {
		if strings.HasPrefix(o.KeyStr(i), firms[2]) {
			outside++
		}
	}
	if got := r.Summary.Codes["keystr.firm_code"]; got != outside || outside == 0 {
		t.Errorf("keystr.firm_code %d, want %d (every document under %s)", got, outside, firms[2])
	}
	if r.Summary.Unverified != outside {
		t.Errorf("unverified %d, want %d", r.Summary.Unverified, outside)
	}
	merchantIssues := 0
	for _, c := range r.Catalogue {
		if c.Issue.Source == "merchant" {
			merchantIssues++
			if c.Name != merchant || c.Issue.Code != "object.unknown_key" || c.Issue.Path != "/extra" {
				t.Errorf("merchant issue %+v", c)
			}
		}
	}
	if merchantIssues != 1 {
		t.Errorf("merchant issues %d, want 1 (the unknown key, once)", merchantIssues)
	}
	for _, f := range r.Files {
		for _, is := range f.Issues {
			if is.Source == "merchant" {
				t.Fatalf("merchant issue repeated in %s:%d", f.Name, f.Line)
			}
		}
	}
	if len(r.Summary.FirmCodes) != 2 || !r.Summary.FirmCodes[0].Verified {
		t.Errorf("firm codes %+v", r.Summary.FirmCodes)
	}
}

// The 100,001st document is an error (the account's limit), once.
func TestCheckLimit(t *testing.T) {
	if testing.Short() || runtime.GOOS == "js" {
		t.Skip("100,001 documents: natively only (schema's TestCatalogueLimit runs everywhere)")
	}
	var b strings.Builder
	for i := range 100001 {
		b.WriteString(catgen.Small(i))
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "big.ndjson")
	os.WriteFile(path, []byte(b.String()), 0o644)
	code, out, _ := check(t, "-lang", "en", path)
	want := path + ":100001:1: error catalogue.limit This is document 100001, past the account's limit of 100,000 products.\n" +
		"100001 documents: 100000 valid, 1 invalid; 1 errors, 0 warnings, 0 infos\n"
	if code != 1 || out != want {
		t.Errorf("exit %d\n%s", code, out)
	}
}
