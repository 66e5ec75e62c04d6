package preview

// The 2024 concept layout (../shared/reference/barcode-homepage-concept-2024.zh.md)
// keeps the classic areas and adds what the article proposes: an action
// bar 关注 · 入库 · 收藏 · 分享 under the header, a "my stock" card with
// what the shopper fills in after stocking the product (placeholders: a
// preview has no shopper), a 视频号直播 block (no live streams can be
// linked from the document) and a 送给朋友 button on a 微信小店 entry.
// Nothing of it comes from the document: the templates draw it from the
// labels alone when Concept is set.

// conceptView holds what the concept's templates need beyond the labels.
type conceptView struct {
	Bar   []conceptAction
	Stock []string // the rows of the my-stock card
}

// conceptAction is one button of the action bar, with the name of its
// icon (an inline SVG of the template).
type conceptAction struct {
	Icon, Label string
}

func newConcept(l *labels) *conceptView {
	icons := [4]string{"follow", "stock", "save", "share"}
	c := &conceptView{Stock: l.StockRows[:]}
	for i, label := range l.ConceptBar {
		c.Bar = append(c.Bar, conceptAction{icons[i], label})
	}
	return c
}
