package barcode

import (
	"image/color"
	"math"
	"strconv"
	"strings"
)

// The colour maths of the package, and of the preview's header, in one
// place: parsing what a user writes, the hex form that alone reaches an
// image, and sRGB's transfer curve for luminance and a scanner's red light.

// parseColour reads #RGB, #RRGGBB, rgb(r, g, b) with 0–255 components,
// black, white, and transparent or none (alpha 0).
func parseColour(s string) (color.NRGBA, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "black":
		return color.NRGBA{0, 0, 0, 255}, true
	case "white":
		return color.NRGBA{255, 255, 255, 255}, true
	case "transparent", "none":
		return color.NRGBA{}, true
	}
	if strings.HasPrefix(s, "#") {
		h := s[1:]
		if len(h) == 3 {
			h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
		}
		if len(h) != 6 {
			return color.NRGBA{}, false
		}
		v, err := strconv.ParseUint(h, 16, 32)
		if err != nil {
			return color.NRGBA{}, false
		}
		return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}, true
	}
	if inner, ok := strings.CutPrefix(s, "rgb("); ok {
		inner, ok = strings.CutSuffix(inner, ")")
		parts := strings.Split(inner, ",")
		if !ok || len(parts) != 3 {
			return color.NRGBA{}, false
		}
		var c [3]uint8
		for i, p := range parts {
			v, err := strconv.ParseUint(strings.TrimSpace(p), 10, 8)
			if err != nil {
				return color.NRGBA{}, false
			}
			c[i] = uint8(v)
		}
		return color.NRGBA{c[0], c[1], c[2], 255}, true
	}
	return color.NRGBA{}, false
}

// hexColour formats an opaque colour as #RRGGBB. Only this form reaches
// the SVG, never the user's text.
func hexColour(c color.NRGBA) string {
	return string(appendHexColour(make([]byte, 0, 7), c))
}

func appendHexColour(b []byte, c color.NRGBA) []byte {
	const hex = "0123456789ABCDEF"
	return append(b, '#', hex[c.R>>4], hex[c.R&15], hex[c.G>>4], hex[c.G&15], hex[c.B>>4], hex[c.B&15])
}

func bgName(c color.NRGBA) string {
	if c.A == 0 {
		return "transparent"
	}
	return hexColour(c)
}

// isWarm reports whether c is a saturated red, orange or yellow: a hue
// within 0°–70° or from 330°, saturation at least 0.35 and not near black.
func isWarm(c color.NRGBA) bool {
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	mx := math.Max(r, math.Max(g, b))
	mn := math.Min(r, math.Min(g, b))
	if mx < 0.3 || (mx-mn)/mx < 0.35 {
		return false
	}
	var hue float64
	switch mx {
	case r:
		hue = math.Mod((g-b)/(mx-mn)*60+360, 360)
	case g:
		hue = (b-r)/(mx-mn)*60 + 120
	default:
		hue = (r-g)/(mx-mn)*60 + 240
	}
	return hue <= 70 || hue >= 330
}

// linearRed is the red channel of c in linear light (0–1), undoing the
// sRGB transfer curve.
func linearRed(c color.NRGBA) float64 { return srgbLinear(c.R) }

// Luminance is the WCAG 2 relative luminance of an opaque colour, 0 for
// black to 1 for white. The preview picks its header's text colour with
// it; a symbol's contrast is weighed by its red channel alone (linearRed),
// as a scanner's red light sees it.
func Luminance(c color.NRGBA) float64 {
	return 0.2126*srgbLinear(c.R) + 0.7152*srgbLinear(c.G) + 0.0722*srgbLinear(c.B)
}

// srgbLinear turns an sRGB channel into linear light (WCAG 2, IEC 61966-2-1).
func srgbLinear(c uint8) float64 {
	v := float64(c) / 255
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}
