package preview

import "scanpage/schema"

// The anti-fake popup: with an anti_fake module whose native_show is
// "true", WeChat showed its own "防伪查询结果" popup before the homepage,
// with a verdict the merchant reported through the component message API.
// The preview has no verdict, so it shows a placeholder one over the
// dimmed homepage.

// The popup shows the header's thumbnail and title (the homepage under it
// is always built for this page).
type popupView struct {
	Shown bool // an anti_fake module has native_show "true"
}

func newPopup(p *schema.Product) popupView {
	var v popupView
	for _, m := range p.Modules {
		if m.Type == "anti_fake" && m.NativeShow == "true" {
			v.Shown = true
		}
	}
	return v
}
