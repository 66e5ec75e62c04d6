package gtin

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// checkCase is one row of testdata/check.tsv.
type checkCase struct {
	line           int
	standard, code string
	fix            string
	want           []wantFinding
}

type wantFinding struct {
	code     string
	severity string
	details  map[string]string // got, want, range, org
}

func readCheckCases(t testing.TB) []checkCase {
	t.Helper()
	f, err := os.Open("testdata/check.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []checkCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			t.Fatalf("check.tsv:%d: %d columns, want 4", n, len(cols))
		}
		c := checkCase{line: n, standard: cols[0], code: cols[1], fix: cols[2]}
		if c.standard == "-" {
			c.standard = ""
		}
		if c.fix == "-" {
			c.fix = ""
		}
		if strings.HasPrefix(c.code, `"`) {
			if c.code, err = strconv.Unquote(c.code); err != nil {
				t.Fatalf("check.tsv:%d: code: %v", n, err)
			}
		}
		if data, ok := strings.CutSuffix(c.code, "?"); ok {
			cd, err := CheckDigit(data)
			if err != nil {
				t.Fatalf("check.tsv:%d: %v", n, err)
			}
			c.code = data + string(cd)
		}
		if cols[3] != "-" {
			for _, item := range strings.Split(cols[3], ";") {
				fields := strings.Split(item, "|")
				code, sev, ok := strings.Cut(fields[0], ":")
				if !ok {
					t.Fatalf("check.tsv:%d: finding %q has no severity", n, item)
				}
				w := wantFinding{code: code, severity: sev, details: map[string]string{}}
				for _, kv := range fields[1:] {
					k, v, _ := strings.Cut(kv, "=")
					if v, err = strconv.Unquote(`"` + v + `"`); err != nil {
						t.Fatalf("check.tsv:%d: %s: %v", n, kv, err)
					}
					w.details[k] = v
				}
				c.want = append(c.want, w)
			}
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

func TestCheckTable(t *testing.T) {
	for _, c := range readCheckCases(t) {
		got := Check(c.code, c.standard)
		name := "check.tsv:" + strconv.Itoa(c.line) + " Check(" + strconv.Quote(c.code) + ", " + strconv.Quote(c.standard) + ")"
		if len(got) != len(c.want) {
			t.Errorf("%s = %v, want %d findings %v", name, got, len(c.want), c.want)
			continue
		}
		fixed := false
		for i, w := range c.want {
			g := got[i]
			if g.Code != w.code || g.Severity.String() != w.severity {
				t.Errorf("%s[%d] = %s:%s, want %s:%s", name, i, g.Code, g.Severity, w.code, w.severity)
			}
			for k, v := range w.details {
				var have string
				switch k {
				case "got":
					have = g.Got
				case "want":
					have = g.Want
				case "range":
					have = g.Range
				case "org":
					have = g.Org
				default:
					t.Fatalf("check.tsv:%d: unknown detail %q", c.line, k)
				}
				if have != v {
					t.Errorf("%s[%d] (%s) %s = %q, want %q", name, i, g.Code, k, have, v)
				}
			}
			if g.Fix != "" {
				fixed = true
				if g.Fix != c.fix {
					t.Errorf("%s[%d] (%s) fix = %q, want %q", name, i, g.Code, g.Fix, c.fix)
				}
			}
		}
		if c.fix != "" && !fixed {
			t.Errorf("%s: no finding carries fix %q", name, c.fix)
		}
	}
}

// fixing lists the findings whose correction Fix carries.
var fixing = map[string]bool{
	"chars": true, "length": true, "gtin12": true, "missing_check_digit": true,
	"gtin14": true, "check_digit": true,
}

// structural lists the findings a Fix must never bring back.
var structural = map[string]bool{
	"empty": true, "chars": true, "chars.invalid": true, "length": true,
	"gtin12": true, "missing_check_digit": true, "gtin14": true,
	"gtin14.packaging": true, "gtin14.variable": true, "check_digit": true,
}

// checkInvariants asserts what holds for every result of Check.
func checkInvariants(t *testing.T, code, standard string, fs []Finding) {
	t.Helper()
	fix := ""
	for i, f := range fs {
		if f.Severity < Info || f.Severity > Error {
			t.Errorf("Check(%q, %q)[%d] %s: severity %d", code, standard, i, f.Code, f.Severity)
		}
		if !strings.HasPrefix(f.Code, "prefix.") && f.Severity != Error {
			t.Errorf("Check(%q, %q)[%d] %s: severity %s, want error", code, standard, i, f.Code, f.Severity)
		}
		if f.Fix == "" {
			continue
		}
		if !fixing[f.Code] {
			t.Errorf("Check(%q, %q)[%d] %s carries a fix", code, standard, i, f.Code)
		}
		if fix != "" && f.Fix != fix {
			t.Errorf("Check(%q, %q): fixes differ: %q and %q", code, standard, fix, f.Fix)
		}
		fix = f.Fix
	}
	if fix == "" {
		return
	}
	if fix == code {
		t.Errorf("Check(%q, %q): fix is the code itself", code, standard)
	}
	if !allDigits(fix) || len(fix) != 8 && len(fix) != 13 {
		t.Errorf("Check(%q, %q): fix %q is not 8 or 13 digits", code, standard, fix)
	}
	for _, f := range Check(fix, standard) {
		if structural[f.Code] {
			t.Errorf("Check(%q, %q): fix %q still has %s", code, standard, fix, f.Code)
		}
	}
	// Once fixed, the prefix findings are those of the fix itself.
	var before []Finding
	for _, f := range fs {
		if strings.HasPrefix(f.Code, "prefix.") {
			before = append(before, f)
		}
	}
	if after := Check(fix, standard); !slices.Equal(before, after) {
		t.Errorf("Check(%q, %q): prefix findings %v, but the fix %q has %v", code, standard, before, fix, after)
	}
}

func TestCheckInvariants(t *testing.T) {
	for _, c := range readCheckCases(t) {
		checkInvariants(t, c.code, c.standard, Check(c.code, c.standard))
	}
}

func TestCheckClean(t *testing.T) {
	// Clean codes of China's ranges yield nil, not an empty slice.
	if fs := Check("6901939621608", EAN13); fs != nil {
		t.Errorf("Check(6901939621608) = %#v, want nil", fs)
	}
}

func BenchmarkCheck(b *testing.B) {
	for _, code := range []string{"6901939621608", "4512345678906", "６９０１９３９６２１６００", "036000291452"} {
		b.Run(code, func(b *testing.B) {
			for b.Loop() {
				Check(code, EAN13)
			}
		})
	}
}
