package schema

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"scanpage/schema/gtin"
)

func TestCheckCode(t *testing.T) {
	type want struct {
		code    string
		sev     Severity
		errcode int
		fix     string
	}
	tests := []struct {
		code, standard string
		want           []want
	}{
		// barcode.md vectors
		{"6901939621608", "ean13", nil},
		{"6954496900556", "ean13", nil},
		{"6900000000000", "ean13", []want{{"keystr.check_digit", Error, 61305, "6900000000007"}}},
		{"6900873042720", "ean13", []want{{"keystr.check_digit", Error, 61305, "6900873042722"}}},
		{"2112233789658", "ean13", []want{
			{"keystr.check_digit", Error, 61305, "2112233789657"},
			{"keystr.prefix.restricted", Error, 61305, ""}}},
		{"4512345678906", "ean13", []want{{"keystr.prefix.outside_china", Info, 0, ""}}},
		{"9780877799306", "ean13", []want{{"keystr.prefix.isbn", Info, 0, ""}}},
		{"9771384524017", "ean13", []want{{"keystr.prefix.issn", Info, 0, ""}}},
		{"9501101531000", "ean13", []want{{"keystr.prefix.global_office", Warning, 0, ""}}},
		{"9813765030011", "ean13", []want{{"keystr.prefix.coupon", Error, 61305, ""}}},
		{"0000000000000", "ean13", []want{{"keystr.prefix.zero", Error, 61305, ""}}},
		{"20123451", "ean8", []want{{"keystr.prefix.restricted", Error, 61305, ""}}},
		{"55123458", "ean8", []want{
			{"keystr.check_digit", Error, 61305, "55123457"},
			{"keystr.prefix.unassigned", Warning, 0, ""}}},
		// characters, length
		{"６９０１９３９６２１６０８", "ean13", []want{{"keystr.chars", Error, 61305, "6901939621608"}}},
		{"690 1939 62160 0", "ean13", []want{
			{"keystr.chars", Error, 61305, "6901939621608"},
			{"keystr.check_digit", Error, 61305, "6901939621608"}}},
		{"69019396216O8", "ean13", []want{{"keystr.chars.invalid", Error, 61305, ""}}},
		{"", "ean13", []want{{"keystr.empty", Error, 61305, ""}}},
		{"036000291452", "ean13", []want{
			{"keystr.gtin12", Error, 61305, "0036000291452"},
			{"keystr.prefix.outside_china", Info, 0, ""}}},
		{"629104150021", "ean13", []want{
			{"keystr.missing_check_digit", Error, 61305, "6291041500213"},
			{"keystr.prefix.outside_china", Info, 0, ""}}},
		{"6901234", "ean8", []want{{"keystr.missing_check_digit", Error, 61305, "69012341"}}},
		{"06901939621608", "ean13", []want{{"keystr.gtin14", Error, 61305, "6901939621608"}}},
		{"16901939621605", "ean13", []want{{"keystr.gtin14.packaging", Error, 61305, ""}}},
		{"69019396", "ean13", []want{{"keystr.length", Error, 61305, ""}}},
		// "" infers the standard from the length, as for a bare code.
		{"69012341", "", nil},
		{"6901939621608", "", nil},
		// qrcode: at most 20 of [A-Za-z0-9_-], no EAN rules.
		{"6900000000000", "qrcode", nil},
		{"AB_cd-09", "qrcode", nil},
		{"12345678901234567890", "qrcode", nil},
		{"", "qrcode", []want{{"keystr.empty", Error, 61305, ""}}},
		{"AB CD", "qrcode", []want{{"keystr.qrcode.chars", Error, 61305, ""}}},
		{"二维码", "qrcode", []want{{"keystr.qrcode.chars", Error, 61305, ""}}},
		{"123456789012345678901", "qrcode", []want{{"keystr.qrcode.length", Error, 61305, ""}}},
		{"http://example.com/abcdefgh", "qrcode", []want{
			{"keystr.qrcode.chars", Error, 61305, ""},
			{"keystr.qrcode.length", Error, 61305, ""}}},
		// Unknown standards are the validator's to report: nothing here.
		{"6900000000000", "upc", nil},
		{"6900000000000", "EAN13", nil},
	}
	for _, tt := range tests {
		got := checkCode(tt.code, tt.standard)
		if len(got) != len(tt.want) {
			t.Errorf("checkCode(%q, %q) = %+v, want %d findings", tt.code, tt.standard, got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			g := got[i]
			if g.Code != w.code || g.Severity != w.sev || g.Errcode != w.errcode || g.Fix != w.fix {
				t.Errorf("checkCode(%q, %q)[%d] = %s %s %d fix %q; want %s %s %d fix %q",
					tt.code, tt.standard, i, g.Code, g.Severity, g.Errcode, g.Fix, w.code, w.sev, w.errcode, w.fix)
			}
		}
	}
}

func TestCheckCodeWording(t *testing.T) {
	tests := []struct {
		code, standard string
		zh, en         string
	}{
		{"6900000000000", "ean13", "条码校验位是 0，应为 7（GS1 模 10）。", "The check digit is 0, expected 7 (GS1 mod 10)."},
		{"4512345678906", "ean13",
			"前缀 451 属于 GS1 Japan（450–459），不属于 GS1 China；2016 年的扫一扫服务只接受 69 开头的中国条码。",
			"Prefix 451 belongs to GS1 Japan (450–459), not GS1 China; the 2016 scan service admitted only Chinese codes starting with 69."},
		{"5901234123457", "ean13",
			"前缀 590 属于 GS1 Poland，不属于 GS1 China；2016 年的扫一扫服务只接受 69 开头的中国条码。",
			"Prefix 590 belongs to GS1 Poland, not GS1 China; the 2016 scan service admitted only Chinese codes starting with 69."},
		{"2112345678900", "ean13",
			"前缀 211（200–299）是店内码（限域流通码），只在分配它的商店或企业内部有效，不能作为商品条码公开使用。",
			"Prefix 211 (200–299) is for restricted circulation (in-store and company-internal numbers), valid only where it was assigned, not as a product's public barcode."},
		{"6901939 621608", "ean13",
			"条码中有空格；条码只能由半角数字 0–9 组成，不含空格和连字符。",
			"The barcode contains a space; it may hold only the ASCII digits 0–9, without spaces or hyphens."},
		{"６９０１９３９６２１６０８", "ean13",
			"条码中有全角数字 \"６\"；条码只能由半角数字 0–9 组成，不含空格和连字符。",
			"The barcode contains the full-width digit \"６\"; it may hold only the ASCII digits 0–9, without spaces or hyphens."},
		{"6901939", "ean13", "条码有 7 位数字；EAN-13 条码应为 13 位数字。", "The barcode has 7 digits; an EAN-13 has 13 digits."},
		{"9521234567899", "ean13",
			"前缀 952 专用于 GS1 的演示和示例；真实商品应使用自己的条码。",
			"Prefix 952 is for GS1 demonstrations and examples; a real product needs a code of its own."},
	}
	for _, tt := range tests {
		fs := checkCode(tt.code, tt.standard)
		if len(fs) == 0 {
			t.Errorf("checkCode(%q, %q): no findings", tt.code, tt.standard)
			continue
		}
		if m := fs[0].Message; m.ZH != tt.zh || m.EN != tt.en {
			t.Errorf("checkCode(%q, %q)[0].Message =\n\t%s\n\t%s\nwant\n\t%s\n\t%s", tt.code, tt.standard, m.ZH, m.EN, tt.zh, tt.en)
		}
	}
}

// codeSamples returns (code, standard) pairs that between them raise every
// finding package gtin knows: the rows of its own test table, plus the
// qrcode cases.
func codeSamples(t *testing.T) [][2]string {
	t.Helper()
	f, err := os.Open("gtin/testdata/check.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		std, code := cols[0], cols[1]
		if std == "-" {
			std = ""
		}
		if strings.HasPrefix(code, `"`) {
			if code, err = strconv.Unquote(code); err != nil {
				t.Fatal(err)
			}
		}
		if data, ok := strings.CutSuffix(code, "?"); ok {
			c, err := gtin.CheckDigit(data)
			if err != nil {
				t.Fatal(err)
			}
			code = data + string(c)
		}
		out = append(out, [2]string{code, std})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	out = append(out,
		[2]string{"", "qrcode"}, [2]string{"A B", "qrcode"}, [2]string{"\u200b", "qrcode"},
		[2]string{strings.Repeat("x", 21), "qrcode"},
		[2]string{"690\u00a01939621608", "ean13"}, [2]string{"690\u20131939621608", "ean13"},
		[2]string{"\ufeff6901939621608", "ean13"}, [2]string{"69019396216\x0008", "ean13"},
	)
	return out
}

// TestCheckCodeMessages checks every message of every finding: both
// languages present and formatted, one sentence each, not the fallback
// wording, never quoting the code back, and the errcode that goes with
// the severity.
func TestCheckCodeMessages(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range codeSamples(t) {
		code, std := s[0], s[1]
		for _, f := range checkCode(code, std) {
			seen[f.Code] = true
			zh, en := f.Message.ZH, f.Message.EN
			where := strconv.Quote(code) + "/" + std + " " + f.Code
			switch {
			case zh == "" || en == "":
				t.Errorf("%s: a message is missing: zh %q en %q", where, zh, en)
				continue
			case strings.Contains(zh+en, "%!"):
				t.Errorf("%s: badly formatted: %q / %q", where, zh, en)
			case strings.Contains(en, "failed a check"):
				t.Errorf("%s: fallback wording, no message written for it", where)
			}
			if strings.Count(zh, "。") != 1 || !strings.HasSuffix(zh, "。") {
				t.Errorf("%s: zh is not one sentence: %q", where, zh)
			}
			if !strings.HasSuffix(en, ".") || strings.Contains(en[:len(en)-1], ". ") || !unicode.IsUpper([]rune(en)[0]) {
				t.Errorf("%s: en is not one sentence: %q", where, en)
			}
			if !strings.ContainsFunc(zh, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("%s: zh has no Chinese: %q", where, zh)
			}
			if len(code) >= 7 && (strings.Contains(zh, code) || strings.Contains(en, code)) {
				t.Errorf("%s: the message quotes the code back: %q", where, en)
			}
			if (f.Severity == Error) != (f.Errcode == errcodeKeystr) || f.Severity != Error && f.Errcode != 0 {
				t.Errorf("%s: severity %s with errcode %d", where, f.Severity, f.Errcode)
			}
			if !strings.HasPrefix(f.Code, "keystr.") {
				t.Errorf("%s: code not under keystr.", where)
			}
		}
	}
	// The samples must reach every finding, or the checks above prove little.
	for _, c := range []string{
		"empty", "chars", "chars.invalid", "length", "gtin12", "missing_check_digit",
		"gtin14", "gtin14.packaging", "gtin14.variable", "check_digit",
		"prefix.zero", "prefix.restricted", "prefix.padded_gtin8", "prefix.reserved",
		"prefix.unassigned", "prefix.global_office", "prefix.epc", "prefix.demo",
		"prefix.gtin8_range", "prefix.issn", "prefix.isbn", "prefix.refund", "prefix.coupon",
		"prefix.outside_china", "qrcode.chars", "qrcode.length",
	} {
		if !seen["keystr."+c] {
			t.Errorf("no sample raises keystr.%s", c)
		}
	}
}

func TestCheckCodeIssues(t *testing.T) {
	// Full-width digits are one UTF-16 unit each; the issue covers them all.
	is := CheckCodeIssues("６９０１９３９６２１６００", "", EN)
	if len(is) != 2 {
		t.Fatalf("CheckCodeIssues = %+v, want chars and check_digit", is)
	}
	for _, i := range is {
		if i.Path != "" || i.Line != 1 || i.Column != 1 || i.Offset != 0 || i.Length != 13 {
			t.Errorf("%s at %q %d:%d offset %d length %d, want \"\" 1:1 offset 0 length 13",
				i.Code, i.Path, i.Line, i.Column, i.Offset, i.Length)
		}
		if i.Fix == nil || !i.Fix.IsText || i.Fix.Text != "6901939621608" {
			t.Errorf("%s fix = %+v, want text 6901939621608", i.Code, i.Fix)
		}
		if i.Errcode != 61305 || i.Severity != Error {
			t.Errorf("%s: %s errcode %d", i.Code, i.Severity, i.Errcode)
		}
	}
	if is[1].Message != "The check digit is 0, expected 8 (GS1 mod 10)." {
		t.Errorf("en message = %q", is[1].Message)
	}
	if zh := CheckCodeIssues("6900000000000", "ean13", ZH); len(zh) != 1 || zh[0].Message != "条码校验位是 0，应为 7（GS1 模 10）。" {
		t.Errorf("zh issues = %+v", zh)
	}
	// A character outside the BMP counts two units.
	if is := CheckCodeIssues("690😀", "", ZH); len(is) != 1 || is[0].Length != 5 || is[0].Fix != nil {
		t.Errorf("CheckCodeIssues(690😀) = %+v, want one issue of length 5 without fix", is)
	}
	// Prefix findings carry no fix.
	if is := CheckCodeIssues("2112345678900", "", ZH); len(is) != 1 || is[0].Fix != nil || is[0].Code != "keystr.prefix.restricted" {
		t.Errorf("CheckCodeIssues(2112345678900) = %+v", is)
	}
	if is := CheckCodeIssues("6901939621608", "", ZH); is != nil {
		t.Errorf("CheckCodeIssues(valid) = %+v, want nil", is)
	}
}
