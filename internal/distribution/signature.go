package distribution

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"net/http"

	"github.com/jolproject/jol/internal/errs"
)

// A signature is what the guardian drew on the tablet's screen, posted
// as a PNG. It is checked before anything is read: at most MaxSignature
// bytes, a PNG by its content, of a size a screen gives (its header read
// before its pixels, so a small file claiming a huge image is refused
// unread), of 8 bits a channel at most (a screen's pad posts no deeper
// one), decodable whole, and not blank: decoding one costs at most four
// bytes a pixel of the largest side allowed.
const (
	minSignatureSide = 40
	maxSignatureSide = 2000
	minInked         = 30 // pixels a stroke leaves at least
)

// checkSignature returns the field error of a signature that is not one,
// nil when it is.
func checkSignature(b []byte) *errs.FieldError {
	bad := func(key string, args ...any) *errs.FieldError {
		f := errs.Field("signature", key, args...)
		return &f
	}
	switch {
	case len(b) == 0:
		return bad("error.signature_missing")
	case len(b) > MaxSignature:
		return bad("error.signature_too_large", "Max", "256 KB")
	case http.DetectContentType(b) != "image/png":
		return bad("error.signature_not_png")
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil || deep(cfg.ColorModel) {
		return bad("error.signature_not_png")
	}
	if cfg.Width < minSignatureSide || cfg.Height < minSignatureSide || cfg.Width > maxSignatureSide ||
		cfg.Height > maxSignatureSide {
		return bad("error.signature_size", "Min", minSignatureSide, "Max", maxSignatureSide)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return bad("error.signature_not_png")
	}
	if inked(img) < minInked {
		return bad("error.signature_missing")
	}
	return nil
}

// deep reports whether m is a model of 16 bits a channel, which a
// screen's pad never posts and which would double what decoding costs.
func deep(m color.Model) bool {
	return m == color.RGBA64Model || m == color.NRGBA64Model || m == color.Gray16Model
}

// inked counts the pixels of img that a pen marked: not transparent and
// not near white. It stops counting at minInked.
func inked(img image.Image) int {
	n := 0
	r := img.Bounds()
	at := pixels(img)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, ca := at(x, y)
			if ca > 0x4000 && (cr < 0xc000 || cg < 0xc000 || cb < 0xc000) {
				if n++; n >= minInked {
					return n
				}
			}
		}
	}
	return n
}

// pixels reads the colours of img's pixels, without the allocation of
// image.Image's At for each one for the kinds of image a PNG decodes to.
func pixels(img image.Image) func(x, y int) (r, g, b, a uint32) {
	switch m := img.(type) {
	case *image.NRGBA:
		return func(x, y int) (r, g, b, a uint32) { return m.NRGBAAt(x, y).RGBA() }
	case *image.RGBA:
		return func(x, y int) (r, g, b, a uint32) { return m.RGBAAt(x, y).RGBA() }
	case *image.Gray:
		return func(x, y int) (r, g, b, a uint32) { return m.GrayAt(x, y).RGBA() }
	case *image.Paletted:
		return func(x, y int) (r, g, b, a uint32) {
			if i := int(m.ColorIndexAt(x, y)); i < len(m.Palette) {
				return m.Palette[i].RGBA()
			}
			return 0, 0, 0, 0
		}
	}
	return func(x, y int) (r, g, b, a uint32) { return img.At(x, y).RGBA() }
}
