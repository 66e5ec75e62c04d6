package preview

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite preview/testdata/golden/*.html from the current output")

// goldens are the reviewed pages: fixture, page, layout, language.
var goldens = []struct{ fixture, page, layout, lang string }{
	{"00", "home", "classic", "zh"}, // the API doc's sample as written: slips, bad check digit, "fales"
	{"01", "home", "classic", "zh"},
	{"02", "home", "classic", "en"},
	{"02", "detail", "classic", "zh"}, // six banners
	{"03", "antifake", "classic", "zh"},
	{"04", "home", "classic", "zh"}, // every action type
	{"04", "home", "concept", "zh"},
	{"04", "antifake", "classic", "en"}, // native_show "false": no popup
	{"04", "detail", "concept", "en"},
	{"05", "home", "concept", "en"}, // EAN-8, the least a document can hold
}

// The stylesheet is one file, reviewed as it is; the barcode symbols are
// package preview's drawing, tested by its own tests. The goldens keep
// the markup of the page and name each symbol by its aria-label, so that
// they change only when the page does.
var (
	goldenStyle  = regexp.MustCompile(`(?s)<style>.*?</style>`)
	goldenHash   = regexp.MustCompile(`(?:&#39;|')sha256-[^"]*?(?:&#39;|')`) // escaped in the attribute
	goldenSymbol = regexp.MustCompile(`(?s)<svg xmlns="http://www.w3.org/2000/svg"[^>]*?(aria-label="[^"]*")[^>]*>.*?</svg>`)
)

func goldenForm(doc string) string {
	doc = goldenStyle.ReplaceAllLiteralString(doc, "<style>/* templates/page.css */</style>")
	doc = goldenHash.ReplaceAllLiteralString(doc, "'sha256-(of templates/page.css)'")
	return goldenSymbol.ReplaceAllString(doc, "<svg $1>…</svg>")
}

func TestGoldenPages(t *testing.T) {
	fx := fixtures(t)
	for _, g := range goldens {
		name := g.fixture + "-" + g.page + "-" + g.layout + "-" + g.lang + ".html"
		got := goldenForm(render(fx[g.fixture], Options{Page: g.page, Layout: g.layout, Lang: g.lang}).HTML)
		path := filepath.Join("testdata", "golden", name)
		if *update {
			if old, _ := os.ReadFile(path); string(old) == got {
				continue
			}
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			// An update never passes unnoticed: the new file waits for review.
			t.Errorf("updated %s: review the diff (git diff %s)", path, path)
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./preview -run Golden -args -update, then review the files)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from the golden file:\n%s", name, firstDiff(string(want), got))
		}
	}
}

// The goldens leave the stylesheet out; it must be the embedded file,
// whole, in every page.
func TestStylesheetInline(t *testing.T) {
	css, err := templateFS.ReadFile("templates/page.css")
	if err != nil {
		t.Fatal(err)
	}
	h := render(fixtures(t)["04"], Options{}).HTML
	if !strings.Contains(h, "<style>"+string(css)+"</style>") {
		t.Error("the page does not hold templates/page.css as it is")
	}
	for _, bad := range []string{"url(", "@import", "expression(", "</style"} {
		if strings.Contains(string(css), bad) {
			t.Errorf("page.css holds %q", bad)
		}
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return "(same lines)"
}
