package preview

// A picture is an author's image in a fixed box. The box has the aspect
// ratio of the size WeChat recommends and shows that size behind the
// picture, so that an image that is offline, broken or refused leaves the
// layout as it is and still says what belongs there.
type picture struct {
	Kind string // "thumb", "banner" or "cover": the box's class and so its aspect ratio
	Size string // the recommended size, e.g. "180×180"
	Src  string // an http(s) URL; "" when missing or refused
	Raw  string // a refused URL as written, bidi and control characters escaped (showText)
	Mark string // what the box says instead of a picture: missing or refused
	Path string // JSON Pointer of the field, for the marker
}

// The recommended sizes of the API doc.
var imageSizes = map[string]string{"thumb": "180×180", "banner": "640×320", "cover": "690×320"}

// newPicture puts raw through the URL gate into a box of the given kind.
func newPicture(kind, raw, path string, l *labels) picture {
	u := gateURL(raw)
	im := picture{Kind: kind, Size: imageSizes[kind], Src: u.Href, Raw: showText(u.Raw), Path: path}
	switch {
	case u.Missing():
		im.Mark = l.Missing["image"]
		if kind == "thumb" {
			im.Mark = l.Missing["thumb"]
		}
	case u.Blocked():
		im.Mark = l.refused(u.Reason)
	}
	return im
}
