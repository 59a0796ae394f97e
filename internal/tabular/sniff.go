package tabular

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"
)

// validUTF8 reports whether b is UTF-8, forgiving a character cut by the
// end of a partial sample.
func validUTF8(b []byte, whole bool) bool {
	if !whole {
		for i := 1; i <= utf8.UTFMax && i <= len(b); i++ {
			if utf8.RuneStart(b[len(b)-i]) {
				if !utf8.FullRune(b[len(b)-i:]) {
					b = b[:len(b)-i]
				}
				break
			}
		}
	}
	return utf8.Valid(b)
}

// detectSeparator splits the first records of text (at most 20) with each
// candidate and keeps the one whose header has at least two fields and whose
// records most often have the header's width, then the widest header. On a
// tie the order decides: TAB first for UTF-16 (Excel's "Unicode text"), else
// ',' then ';'. A file that no candidate splits is read with the first.
func detectSeparator(text []byte, whole, utf16 bool) rune {
	order := []rune{',', ';', '\t'}
	if utf16 {
		order = []rune{'\t', ',', ';'}
	}
	best, bestShare, bestWidth := order[0], -1, 0
	for _, sep := range order {
		widths := sampleWidths(text, sep, whole)
		if len(widths) == 0 || widths[0] < 2 {
			continue
		}
		same := 0
		for _, w := range widths {
			if w == widths[0] {
				same++
			}
		}
		share := same * 1000 / len(widths)
		if share > bestShare || share == bestShare && widths[0] > bestWidth {
			best, bestShare, bestWidth = sep, share, widths[0]
		}
	}
	return best
}

// sampleWidths returns the field counts of the first records of
// text (-1 for a malformed one), without a last record that the end of a
// partial sample may have cut.
func sampleWidths(text []byte, sep rune, whole bool) []int {
	cr := newCSV(bytes.NewReader(text), sep)
	var widths []int
	for len(widths) < 20 {
		rec, err := cr.Read()
		if err == io.EOF {
			if !whole && len(widths) > 1 {
				widths = widths[:len(widths)-1]
			}
			break
		}
		var perr *csv.ParseError
		switch {
		case errors.As(err, &perr):
			widths = append(widths, -1)
		case err != nil:
			return widths
		default:
			widths = append(widths, len(rec))
		}
	}
	return widths
}
