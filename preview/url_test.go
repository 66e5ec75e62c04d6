package preview

import "testing"

func TestGateURL(t *testing.T) {
	for _, tc := range []struct {
		in, href string
	}{
		{"http://mmbiz.qpic.cn/mmbiz/x/0?wx_fmt=jpeg", "http://mmbiz.qpic.cn/mmbiz/x/0?wx_fmt=jpeg"},
		{"HTTPS://WWW.QQ.COM", "HTTPS://WWW.QQ.COM"},
		{"  https://v.qq.com/x/page/a.html \n", "https://v.qq.com/x/page/a.html"},
		{"hTtP://example.com:8080/a?b#c", "hTtP://example.com:8080/a?b#c"},
		{"javascript:alert(1)", ""},
		{"  JaVaScRiPt:alert(1)", ""},
		{"\x01javascript:alert(1)", ""},
		{"java\tscript:alert(1)", ""},
		{"javascript://example.com/%0Aalert(1)", ""},
		{"data:text/html,<script>alert(1)</script>", ""},
		{"DATA:image/png;base64,AAAA", ""},
		{"vbscript:msgbox(1)", ""},
		{"VBScript:msgbox(1)", ""},
		{"//evil.example/x.png", ""},
		{"http:/evil.example", ""},
		{"http:evil.example", ""},
		{"http:\\\\evil.example", ""},
		{"https://", ""},
		{"http://exa mple.com", ""},
		{"http://a.example/\nb", ""},
		{"ftp://example.com", ""},
		{"mailto:a@example.com", ""},
		{"weixin.qq.com", ""},
		{"/relative/path", ""},
		{"#fragment", ""},
	} {
		got := gateURL(tc.in)
		if got.Href != tc.href {
			t.Errorf("gateURL(%q).Href = %q, want %q", tc.in, got.Href, tc.href)
		}
		if tc.href == "" && got.Raw != tc.in {
			t.Errorf("gateURL(%q).Raw = %q, want the input as written", tc.in, got.Raw)
		}
		if tc.href != "" && got.Raw != "" {
			t.Errorf("gateURL(%q).Raw = %q for an accepted URL", tc.in, got.Raw)
		}
	}
	if u := gateURL(""); !u.Missing() || u.Blocked() {
		t.Errorf(`gateURL("") = %+v, want missing`, u)
	}
	if u := gateURL("   "); u.Missing() || !u.Blocked() {
		t.Errorf(`gateURL("   ") = %+v, want blocked: something was written`, u)
	}
}
