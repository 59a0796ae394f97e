package distribution

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"testing"
)

func pngOf(t *testing.T, w, h int, ink bool) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	if ink {
		for x := range w {
			img.Set(x, h/2, color.NRGBA{R: 20, G: 20, B: 80, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bomb is a PNG whose header claims a huge image and whose data is cut
// short: its header alone must refuse it.
func bomb() []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], 100_000)
	binary.BigEndian.PutUint32(ihdr[4:], 100_000)
	ihdr[8], ihdr[9] = 8, 6
	binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

func TestCheckSignature(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"a stroke", pngOf(t, 300, 100, true), ""},
		{"nothing", nil, "error.signature_missing"},
		{"a blank pad", pngOf(t, 300, 100, false), "error.signature_missing"},
		{"a JPEG", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), "error.signature_not_png"},
		{"a cut PNG", pngOf(t, 300, 100, true)[:60], "error.signature_not_png"},
		{"a dot", pngOf(t, 10, 10, true), "error.signature_size"},
		{"a huge header", bomb(), "error.signature_size"},
		{"too many bytes", append(pngOf(t, 300, 100, true), make([]byte, MaxSignature)...), "error.signature_too_large"},
	} {
		got := ""
		if f := checkSignature(tc.data); f != nil {
			got = f.Key
		}
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
