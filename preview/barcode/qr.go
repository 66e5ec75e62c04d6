package barcode

import (
	"image"
	"strconv"
	"strings"

	"github.com/boombuler/barcode/qr"
)

// A qrSymbol is a QR Code's module grid, without its quiet zone.
type qrSymbol struct {
	size int    // modules per side
	dark []bool // row-major
}

func (q *qrSymbol) at(x, y int) bool { return q.dark[y*q.size+x] }

// smallestQR encodes uri in byte mode and its upper-case form in
// alphanumeric mode, and returns the smaller symbol and the text it holds;
// on a tie, the URI as written.
func smallestQR(uri string, level qr.ErrorCorrectionLevel) (*qrSymbol, string, error) {
	lower, err := encodeQR(uri, level, qr.Unicode)
	if err != nil {
		return nil, "", err
	}
	upperURI := strings.ToUpper(uri)
	upper, err := encodeQR(upperURI, level, qr.AlphaNumeric)
	if err != nil || upper.size >= lower.size {
		return lower, uri, nil
	}
	return upper, upperURI, nil
}

// encodeQR takes the module grid from boombuler/barcode's qr encoder,
// which adds no quiet zone.
func encodeQR(text string, level qr.ErrorCorrectionLevel, mode qr.Encoding) (*qrSymbol, error) {
	bc, err := qr.Encode(text, level, mode)
	if err != nil {
		return nil, err
	}
	n := bc.Bounds().Dx()
	q := &qrSymbol{size: n, dark: make([]bool, n*n)}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			q.dark[y*n+x] = isDark(bc.At(x, y))
		}
	}
	return q, nil
}

// appendQRSVG appends the symbol as an <svg> element whose viewBox counts
// modules, quiet zone included; each row's runs of dark modules are one
// rectangle of the single path.
func appendQRSVG(b []byte, q *qrSymbol, st *style, label string) []byte {
	w := q.size + 2*qrQuietZone
	b = appendSVGOpen(b, w, w*1000, st.xdim)
	b = append(b, `" role="img" aria-label="QR `...)
	b = appendXMLText(b, label)
	b = append(b, `">`...)
	b = appendSVGBackground(b, w, w*1000, st)
	b = append(b, `<path fill="`...)
	b = appendHexColour(b, st.fg)
	b = append(b, `" d="`...)
	for y := 0; y < q.size; y++ {
		for x := 0; x < q.size; {
			if !q.at(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < q.size && q.at(x+run, y) {
				run++
			}
			b = append(b, 'M')
			b = strconv.AppendInt(b, int64(x+qrQuietZone), 10)
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(y+qrQuietZone), 10)
			b = append(b, 'h')
			b = strconv.AppendInt(b, int64(run), 10)
			b = append(b, "v1h-"...)
			b = strconv.AppendInt(b, int64(run), 10)
			b = append(b, 'z')
			x += run
		}
	}
	b = append(b, `"/>`...)
	return append(b, "</svg>"...)
}

// appendXMLText appends s escaped for an XML attribute or text.
func appendXMLText(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '"':
			b = append(b, "&quot;"...)
		default:
			b = append(b, c)
		}
	}
	return b
}

// rasterQR draws the symbol with its quiet zone, moduleWidth pixels a
// module, in a two-colour paletted image.
func rasterQR(q *qrSymbol, st *style) *image.Paletted {
	m := st.moduleWidth
	w := (q.size + 2*qrQuietZone) * m
	img := image.NewPaletted(image.Rect(0, 0, w, w), rampPalette(st.fg, st.bg, 2))
	for y := 0; y < q.size; y++ {
		row := img.Pix[(y+qrQuietZone)*m*img.Stride:]
		for x := 0; x < q.size; x++ {
			if q.at(x, y) {
				for i := (x + qrQuietZone) * m; i < (x+qrQuietZone+1)*m; i++ {
					row[i] = 1
				}
			}
		}
		for i := 1; i < m; i++ {
			copy(img.Pix[((y+qrQuietZone)*m+i)*img.Stride:][:w], row[:w])
		}
	}
	return img
}
