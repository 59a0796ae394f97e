package tabular

import (
	"bufio"
	"bytes"
	"errors"
	"io"

	"golang.org/x/text/transform"
)

// NewTextReader returns a reader of the text of r as UTF-8, for a file
// read as a stream rather than opened whole (a list of millions of rows
// read once). A byte order mark decides at once (UTF-8, UTF-16 LE or
// BE), and is not passed on. Otherwise the text goes through as it is
// up to its first non-ASCII byte, since UTF-8, Windows-1251 and
// Windows-1256 all write ASCII alike, and the encoding is decided there
// as for a CSV file opened whole (see detectEncoding), on up to 64 KiB
// from that byte on: a list whose first thousand rows are Latin and the
// rest Cyrillic is still read right. An encoding that cannot be
// recognised fails the first read that reaches it with ErrEncoding.
func NewTextReader(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, sampleSize)
	head, err := br.Peek(3)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) ||
		bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		enc, err := detectEncoding(head, false)
		if err != nil {
			return nil, err
		}
		if _, err := br.Discard(int(enc.skip)); err != nil {
			return nil, err
		}
		if enc.dec == nil {
			return br, nil
		}
		return transform.NewReader(br, enc.dec.NewDecoder()), nil
	}
	return &lazyText{br: br}, nil
}

// lazyText passes ASCII through until the first non-ASCII byte, and
// there decides how to read the rest.
type lazyText struct {
	br  *bufio.Reader
	src io.Reader // the rest, once decided
}

func (t *lazyText) Read(p []byte) (int, error) {
	if t.src != nil {
		return t.src.Read(p)
	}
	if _, err := t.br.Peek(1); err != nil {
		return 0, err
	}
	buf, _ := t.br.Peek(t.br.Buffered())
	ascii := bytes.IndexFunc(buf, func(r rune) bool { return r >= 0x80 })
	if ascii < 0 {
		ascii = len(buf)
	}
	if ascii > 0 {
		n := copy(p, buf[:ascii])
		_, err := t.br.Discard(n)
		return n, err
	}
	sample, err := t.br.Peek(sampleSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return 0, err
	}
	// After a space, so that no byte order mark is read into the middle
	// of a file (ÿþ are two Windows-1251 letters).
	enc, err := detectEncoding(append([]byte{' '}, sample...), errors.Is(err, io.EOF))
	if err != nil {
		return 0, err
	}
	t.src = t.br
	if enc.dec != nil {
		t.src = transform.NewReader(t.br, enc.dec.NewDecoder())
	}
	return t.src.Read(p)
}
