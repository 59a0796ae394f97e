package distribution

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"runtime"
	"testing"
)

// allocated is how many bytes fn allocates.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// The memory a signature costs is bounded by the largest side it may
// have, whatever its header claims: a small file declaring a huge image
// is refused before its pixels are read, and the largest image allowed,
// inked only in its last row, decodes within four bytes a pixel; one of
// 16 bits a channel, which would cost twice that, is refused.
func TestSignatureMemoryIsBounded(t *testing.T) {
	var got string
	if n := allocated(func() { got = checkSignature(bomb()).Key }); got != "error.signature_size" || n > 1<<20 {
		t.Fatalf("the bomb: %s after %d bytes allocated", got, n)
	}
	deep := image.NewNRGBA64(image.Rect(0, 0, 300, 100))
	for x := range 300 {
		deep.Set(x, 50, color.NRGBA64{A: 0xffff})
	}
	if got = checkSignature(encode(t, deep)).Key; got != "error.signature_not_png" {
		t.Fatalf("a signature of 16 bits a channel: %q", got)
	}
	img := image.NewNRGBA(image.Rect(0, 0, maxSignatureSide, maxSignatureSide))
	for x := range maxSignatureSide {
		img.Set(x, maxSignatureSide-1, color.NRGBA{A: 0xff})
	}
	largest := encode(t, img)
	if len(largest) > MaxSignature {
		t.Fatalf("the largest signature takes %d bytes, over the %d allowed: the test does not reach the bound",
			len(largest), MaxSignature)
	}
	n := allocated(func() {
		if e := checkSignature(largest); e != nil {
			t.Errorf("the largest signature allowed is refused: %s", e.Key)
		}
	})
	const bound = maxSignatureSide*maxSignatureSide*4 + 4<<20
	if n > bound {
		t.Fatalf("checking the largest signature allocated %d bytes, over %d", n, bound)
	}
	// One pixel more each way is refused by its header, before decoding.
	big := encode(t, image.NewGray(image.Rect(0, 0, maxSignatureSide+1, maxSignatureSide+1)))
	if n := allocated(func() { got = checkSignature(big).Key }); got != "error.signature_size" || n > 1<<20 {
		t.Fatalf("one pixel too large: %s after %d bytes allocated", got, n)
	}
}

func encode(t *testing.T, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
