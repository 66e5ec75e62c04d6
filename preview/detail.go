package preview

import (
	"strconv"

	"scanpage/schema"
)

// The detail page (商品详情) opens when the shopper taps the header: the
// banner_list images stacked, each with its desc, then detail_list as a
// two-column table of attributes.

type detailView struct {
	Title   string
	Banners []detailBanner
	Rows    []detailRow
	Empty   *marker // neither banners nor rows
	// Notes for the lists cut at ShownPerList ("" when not cut).
	MoreBanners, MoreRows string
}

type detailBanner struct {
	Image picture
	Desc  string
	Path  string // JSON Pointer of the banner_list item
}

type detailRow struct {
	Title, Desc string
	Path        string // JSON Pointer of the detail_list item
	Missing     []marker
}

func newDetail(p *schema.Product, l *labels) detailView {
	const base = "/brand_info/detail_info/"
	d := detailView{Title: p.Base.Title}
	for i, b := range p.Banners {
		path := base + "banner_list/" + strconv.Itoa(i)
		d.Banners = append(d.Banners, detailBanner{
			Image: newPicture("banner", b.Link, path+"/link", l),
			Desc:  b.Desc,
			Path:  path,
		})
	}
	for i, r := range p.Details {
		row := detailRow{Title: r.Title, Desc: r.Desc, Path: base + "detail_list/" + strconv.Itoa(i)}
		path := row.Path + "/"
		if r.Title == "" {
			row.Missing = append(row.Missing, marker{l.Missing["title"], path + "title"})
		}
		if r.Desc == "" {
			row.Missing = append(row.Missing, marker{l.Missing["text"], path + "desc"})
		}
		d.Rows = append(d.Rows, row)
	}
	if len(d.Banners)+len(d.Rows) == 0 {
		d.Empty = &marker{l.DetailEmpty, "/brand_info/detail_info"}
	}
	d.MoreBanners = cut(&d.Banners, l)
	d.MoreRows = cut(&d.Rows, l)
	return d
}
