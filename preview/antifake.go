package preview

import "scanpage/schema"

// The anti-fake popup: with an anti_fake module whose native_show is
// "true", WeChat showed its own "防伪查询结果" popup before the homepage,
// with a verdict the merchant reported through the component message API.
// The preview has no verdict, so it shows a placeholder one over the
// dimmed homepage.

type popupView struct {
	Shown bool   // an anti_fake module has native_show "true"
	Title string // the product's title, cut like the header's
	Thumb picture
}

func newPopup(p *schema.Product, l *labels) popupView {
	v := popupView{Thumb: newPicture("thumb", p.Base.ThumbURL, "/brand_info/base_info/thumb_url", l)}
	v.Title, _ = schema.Ellipsize(p.Base.Title, titleWidth)
	for _, m := range p.Modules {
		if m.Type == "anti_fake" && m.NativeShow == "true" {
			v.Shown = true
		}
	}
	return v
}
