package imports

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/tabular"
)

// Report collects rejected rows on disk while an import runs, so a file
// with a million bad rows costs no memory, and writes them afterwards as
// CSV or XLSX in the reader's language.
type Report struct {
	tmp   *os.File
	w     *csv.Writer
	count int
}

// NewReport starts an empty report in a temporary file in dir
// (os.TempDir() when empty).
func NewReport(dir string) (*Report, error) {
	f, err := os.CreateTemp(dir, "rejected-*.csv")
	if err != nil {
		return nil, err
	}
	return &Report{tmp: f, w: csv.NewWriter(bufio.NewWriter(f))}, nil
}

// Add records one reason a row was rejected.
func (r *Report) Add(e RowError) {
	args := make([]string, 0, len(e.Args))
	for _, a := range e.Args {
		args = append(args, anyString(a))
	}
	r.count++
	_ = r.w.Write(append([]string{strconv.Itoa(e.Line), e.Column, e.Value, e.Key}, args...))
}

// Len is the number of reasons recorded.
func (r *Report) Len() int { return r.count }

// Rows returns the report as table rows — line, column, value, reason —
// with reasons translated by l.
func (r *Report) Rows(l *i18n.Localizer) iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		r.w.Flush()
		if _, err := r.tmp.Seek(0, io.SeekStart); err != nil {
			return
		}
		rd := csv.NewReader(bufio.NewReader(r.tmp))
		rd.FieldsPerRecord = -1
		for {
			rec, err := rd.Read()
			if err != nil {
				return
			}
			args := make([]any, 0, len(rec)-4)
			for _, a := range rec[4:] {
				args = append(args, a)
			}
			if !yield([]string{rec[0], rec[1], rec[2], l.T(rec[3], args...)}) {
				return
			}
		}
	}
}

// Header is the report's header row in l's language.
func Header(l *i18n.Localizer) []string {
	return []string{l.T("import.line"), l.T("import.column"), l.T("import.value"), l.T("import.reason")}
}

// Write writes the report to w as XLSX when name ends in .xlsx, else CSV.
func (r *Report) Write(w io.Writer, name string, l *i18n.Localizer) error {
	return WriteRows(w, filepath.Dir(r.tmp.Name()), name, l, r.Rows(l))
}

// WriteRows writes report rows (line, column, value, reason) under the
// report's header in l's language, as XLSX when name ends in .xlsx, else
// CSV; cells a spreadsheet would run as formulas are written as text. A
// long workbook waits in a temporary file in dir (os.TempDir() when empty).
func WriteRows(w io.Writer, dir, name string, l *i18n.Localizer, rows iter.Seq[[]string]) error {
	if strings.HasSuffix(strings.ToLower(name), ".xlsx") {
		return tabular.WriteXLSXIn(dir, w, l.T("import.problems"), Header(l), rows, l.Locale().Dir() == "rtl")
	}
	return tabular.WriteCSV(w, Header(l), rows)
}

// Close removes the temporary file.
func (r *Report) Close() error {
	return errors.Join(r.tmp.Close(), os.Remove(r.tmp.Name()))
}

func anyString(a any) string {
	switch v := a.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	}
	return ""
}
