package tabular

import (
	"encoding/csv"
	"io"
	"iter"
	"strings"
	"unicode/utf8"
)

// WriteCSV writes a report as comma-separated UTF-8 with a byte order mark,
// which Excel needs to show Cyrillic and Persian text, and CRLF line ends.
// A cell that Excel would run as a formula (starting with '=', '@', a TAB, a
// CR, or '+' or '-' followed by more than digits and phone punctuation) is
// written with a leading apostrophe, since reports echo what people sent.
func WriteCSV(w io.Writer, header []string, rows iter.Seq[[]string]) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(defuse(header)); err != nil {
		return err
	}
	for row := range rows {
		if err := cw.Write(defuse(row)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// defuse returns cells with the formula-like ones quoted by an apostrophe,
// copying them only when one is.
func defuse(cells []string) []string {
	var out []string
	for i, c := range cells {
		if !formulaLike(c) {
			continue
		}
		if out == nil {
			out = append([]string(nil), cells...)
		}
		out[i] = "'" + c
	}
	if out == nil {
		return cells
	}
	return out
}

func formulaLike(s string) bool {
	switch {
	case s == "":
		return false
	case strings.ContainsRune("=@\t\r", rune(s[0])):
		return true
	case s[0] == '+' || s[0] == '-':
		return strings.ContainsFunc(s[1:], func(r rune) bool {
			return !strings.ContainsRune("0123456789 ()-+.,", r)
		})
	}
	return false
}

// sheetName makes name a valid sheet name: no []:*?/\, no apostrophe or
// space at its ends, at most 31 characters, not empty.
func sheetName(name string) string {
	name = strings.Trim(strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, name), "' ")
	if r := []rune(name); len(r) > 31 {
		name = strings.TrimRight(string(r[:31]), "' ")
	}
	if name == "" {
		return "Sheet1"
	}
	return name
}

// columnWidths fits each column to its longest text among the header and
// the given rows, between 8 and 60 characters.
func columnWidths(header []string, rows [][]string) []float64 {
	var widths []float64
	for _, row := range append([][]string{header}, rows...) {
		for i, c := range row {
			if i == len(widths) {
				widths = append(widths, 8)
			}
			widths[i] = max(widths[i], min(float64(utf8.RuneCountInString(c)+2), 60))
		}
	}
	return widths
}
