package tabular

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestNewTextReader(t *testing.T) {
	// A Latin prefix longer than the sample, so that the encoding is
	// decided where the first non-ASCII byte is, not at the start.
	latin := strings.Repeat("s1,Kim,Timur,2014-11-02\n", 4000)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"utf-8 stays utf-8", []byte("id,name\n1,Ахметова Айгерим\n2,محمد\n"), "id,name\n1,Ахметова Айгерим\n2,محمد\n"},
		{"utf-8 bom dropped", []byte("\xef\xbb\xbfid\n1,Ким\n"), "id\n1,Ким\n"},
		{"utf-16 le", []byte("\xff\xfei\x00d\x00\n\x00\x1a\x04\x38\x04\x3c\x04"), "id\nКим"},
		{"utf-16 be", []byte("\xfe\xff\x00i\x00d\x00\n\x04\x1a\x04\x38\x04\x3c"), "id\nКим"},
		{"windows-1251", []byte("id,name\n1,\xc0\xf5\xec\xe5\xf2\xee\xe2\xe0,\xc0\xe9\xe3\xe5\xf0\xe8\xec\n2,\xd1\xe0\xe4\xfb\xea\xee\xe2\n"),
			"id,name\n1,Ахметова,Айгерим\n2,Садыков\n"},
		{"windows-1256", []byte("id,name\n1,\xcd\xd3\xed\xe4\xed,\xe3\xcd\xe3\xcf\n"), "id,name\n1,حسيني,محمد\n"},
		{"windows-1251 after 96 KB of Latin", append([]byte(latin), "s2,\xca\xe8\xec,\xd2\xe8\xec\xf3\xf0\n"...),
			latin + "s2,Ким,Тимур\n"},
		{"windows-1251 ÿþ mid-file is not a byte order mark", []byte("id\n\xff\xfe\xf0\xe8\xec\n"), "id\nяюрим\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// One byte at a time too: the decision must not depend on how
			// the underlying reader splits the file.
			for _, src := range []io.Reader{bytes.NewReader(tt.data), iotest.OneByteReader(bytes.NewReader(tt.data))} {
				r, err := NewTextReader(src)
				if err != nil {
					t.Fatal(err)
				}
				got, err := io.ReadAll(r)
				if err != nil || string(got) != tt.want {
					t.Fatalf("read %q (%v), want %q", trim(got), err, trim([]byte(tt.want)))
				}
			}
		})
	}
}

func trim(b []byte) string { return string(b[max(0, len(b)-60):]) }

func TestNewTextReaderRefuses(t *testing.T) {
	// Bytes that are neither UTF-8 nor plausible Cyrillic (аАаА, иИиИ:
	// lower then upper case) or Arabic (àہàہ: Latin and Arabic letters).
	r, err := NewTextReader(bytes.NewReader([]byte("id,name\n1,\xe0\xc0\xe0\xc0 \xe8\xc8\xe8\xc8\n")))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadAll(r); !errors.Is(err, ErrEncoding) {
		t.Fatalf("err = %v, want ErrEncoding", err)
	}
}
