package distribution

import (
	"bytes"
	"image"
	"image/png"
	"net/http"

	"github.com/jolproject/jol/internal/errs"
)

// A signature is what the guardian drew on the tablet's screen, posted
// as a PNG. It is checked before anything is read: at most MaxSignature
// bytes, a PNG by its content, of a size a screen gives (its header read
// before its pixels, so a small file claiming a huge image is refused
// unread), decodable whole, and not blank.
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
	if err != nil {
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

// inked counts the pixels of img that a pen marked: not transparent and
// not near white. It stops counting at minInked.
func inked(img image.Image) int {
	n := 0
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, ca := img.At(x, y).RGBA()
			if ca > 0x4000 && (cr < 0xc000 || cg < 0xc000 || cb < 0xc000) {
				if n++; n >= minInked {
					return n
				}
			}
		}
	}
	return n
}
