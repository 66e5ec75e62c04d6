package preview

import "testing"

// TestGateURL: an accepted URL's Href is the text as written, only
// trimmed (testdata/urls.txt, run by TestGateURLTable, holds the refusals
// and what the tooltip shows), and no URL is not the same as a refused one.
func TestGateURL(t *testing.T) {
	for _, tc := range []struct {
		in, href string
	}{
		{"http://mmbiz.qpic.cn/mmbiz/x/0?wx_fmt=jpeg", "http://mmbiz.qpic.cn/mmbiz/x/0?wx_fmt=jpeg"},
		{"HTTPS://WWW.QQ.COM", "HTTPS://WWW.QQ.COM"},
		{"  https://v.qq.com/x/page/a.html \n", "https://v.qq.com/x/page/a.html"},
		{"hTtP://example.com:8080/a?b#c", "hTtP://example.com:8080/a?b#c"},
	} {
		got := gateURL(tc.in)
		if got.Href != tc.href {
			t.Errorf("gateURL(%q).Href = %q, want %q", tc.in, got.Href, tc.href)
		}
		if got.Raw != "" {
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
