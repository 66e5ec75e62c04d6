package schema

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

// schemaPatterns are the "pattern"s of create-product.schema.json.
func schemaPatterns(t testing.TB) []string {
	var doc any
	if err := json.Unmarshal(schemaJSON, &doc); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if p, ok := v["pattern"].(string); ok {
				out = append(out, p)
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	return out
}

func TestPatternsCovered(t *testing.T) {
	ps := schemaPatterns(t)
	if len(ps) == 0 {
		t.Fatal("the schema has no pattern: the walk is wrong")
	}
	for _, p := range ps {
		if patternMatchers[p] == nil {
			t.Errorf("the schema's pattern %q has no byte loop in patternMatchers (it works, through regexp, but slowly)", p)
		}
	}
}

// TestPatterns compares each loop with its regexp on testdata/patterns.txt
// (one string per line, Go-quoted) and on every string value of the samples.
func TestPatterns(t *testing.T) {
	var inputs []string
	f, err := os.Open("testdata/patterns.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		s, err := unquote(line)
		if err != nil {
			t.Fatalf("testdata/patterns.txt: %s: %v", line, err)
		}
		inputs = append(inputs, s)
	}
	for _, f := range sampleFacts(t) {
		inputs = append(inputs, f.KeyStr, f.Category, f.Ref.Name)
	}
	matched := map[string]int{}
	for expr, match := range patternMatchers {
		re := regexp.MustCompile(expr)
		for _, s := range inputs {
			want := re.MatchString(s)
			if got := match(s); got != want {
				t.Errorf("%s on %q: loop %v, regexp %v", expr, s, got, want)
			}
			if want {
				matched[expr]++
			}
		}
	}
	for expr := range patternMatchers {
		if matched[expr] == 0 || matched[expr] == len(inputs) {
			t.Errorf("%s: %d of %d inputs match; the table must hold both kinds", expr, matched[expr], len(inputs))
		}
	}
}

func unquote(s string) (string, error) {
	var out string
	err := json.Unmarshal([]byte(s), &out)
	return out, err
}

func FuzzPatterns(f *testing.F) {
	for _, s := range []string{"http://a.b/c", "https://v.qq.com/x", "a-b.c:80/?", "12.34", "auto", "0aF9c3", "ab_C-9", "6901234567892", "\xff", "http:// x"} {
		f.Add(s)
	}
	res := map[string]*regexp.Regexp{}
	for expr := range patternMatchers {
		res[expr] = regexp.MustCompile(expr)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for expr, match := range patternMatchers {
			if got, want := match(s), res[expr].MatchString(s); got != want {
				t.Fatalf("%s on %q: loop %v, regexp %v", expr, s, got, want)
			}
		}
	})
}
