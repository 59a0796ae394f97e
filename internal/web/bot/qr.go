package bot

import (
	"fmt"
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

// The QR codes of deep links: medium error correction (15% of the code
// may be lost to a fold or a smudge on a poster) and the four-module
// quiet zone the standard asks for around them.

// qrPNG is url's QR code as a PNG about posterPixels square: each module
// a whole number of pixels (an edge between two modules never falls
// inside a pixel), so it prints sharp on an A4 poster.
func qrPNG(url string) ([]byte, error) {
	q, err := qrcode.New(url, qrcode.Medium)
	if err != nil {
		return nil, fmt.Errorf("qr code: %w", err)
	}
	return q.PNG(-modulePixels(len(q.Bitmap())))
}

// posterPixels is about the side of a PNG QR code.
const posterPixels = 1024

// modulePixels is the side of one module in a PNG of n modules a side.
func modulePixels(n int) int { return max(posterPixels/n, 4) }

// qrSVG is url's QR code as SVG, drawn from the encoder's own matrix
// (Bitmap, quiet zone included): one unit square per module, each run of
// dark modules of a row one rectangle of the path, so it prints sharp at
// any size.
func qrSVG(url string) ([]byte, error) {
	q, err := qrcode.New(url, qrcode.Medium)
	if err != nil {
		return nil, fmt.Errorf("qr code: %w", err)
	}
	bits := q.Bitmap()
	n := len(bits)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" shape-rendering="crispEdges">`,
		n, n, n*8, n*8)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, n, n)
	for y, row := range bits {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			run := 1
			for x+run < len(row) && row[x+run] {
				run++
			}
			fmt.Fprintf(&b, "M%d %dh%dv1h-%dz", x, y, run, run)
			x += run
		}
	}
	b.WriteString(`"/></svg>`)
	return []byte(b.String()), nil
}
