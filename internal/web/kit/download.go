package kit

import (
	"io"
	"strconv"
)

// The formats of a list downloaded as a file.
const (
	CSV  = "csv"
	XLSX = "xlsx"
)

// SentWriter counts the bytes written through it, so a download that
// fails before its first byte can still become an error page.
type SentWriter struct {
	W io.Writer
	N int64
}

func (w *SentWriter) Write(b []byte) (int, error) {
	n, err := w.W.Write(b)
	w.N += int64(n)
	return n, err
}

// Itoa writes an id or a number for a URL or a form.
func Itoa(n int64) string { return strconv.FormatInt(n, 10) }
