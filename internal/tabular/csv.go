package tabular

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// csvReader streams a CSV file through encoding/csv, within the caps of
// limits.go.
type csvReader struct {
	cr     *csv.Reader
	limit  *recordLimiter
	header []string
	info   Info
	check  bool // UTF-8: a record past the sample may still hold stray bytes
	rows   int  // records read
	next   int  // the line where the next record starts, about
}

func openCSV(r io.ReaderAt, size int64) (*csvReader, error) {
	sample := make([]byte, min(size, sampleSize))
	if n, err := r.ReadAt(sample, 0); n < len(sample) {
		return nil, fmt.Errorf("tabular: read: %w", err)
	}
	whole := int64(len(sample)) == size
	enc, err := detectEncoding(sample, whole)
	if err != nil {
		return nil, err
	}
	var src io.Reader = io.NewSectionReader(r, enc.skip, size-enc.skip)
	text := sample[enc.skip:]
	if enc.dec != nil {
		src = transform.NewReader(src, enc.dec.NewDecoder())
		text, _, _ = transform.Bytes(enc.dec.NewDecoder(), text)
	}
	sep := detectSeparator(text, whole, strings.HasPrefix(enc.name, "utf-16"))
	limit := &recordLimiter{r: src}
	c := &csvReader{
		cr:    newCSV(limit, sep),
		limit: limit,
		next:  1,
		info:  Info{Format: "csv", Encoding: enc.name, Separator: sep},
		check: enc.dec == nil,
	}
	head, err := c.Next()
	switch {
	case err == io.EOF:
		return nil, failEmpty()
	case err != nil:
		return nil, err
	}
	head.Cells[0] = strings.TrimPrefix(head.Cells[0], "\ufeff")
	if c.header = trimRow(head.Cells, 0); len(c.header) == 0 {
		return nil, failEmpty()
	}
	if err := checkHeader(c.header); err != nil {
		return nil, err
	}
	return c, nil
}

func newCSV(src io.Reader, sep rune) *csv.Reader {
	cr := csv.NewReader(src)
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	return cr
}

func (c *csvReader) Header() []string { return c.header }
func (c *csvReader) Info() Info       { return c.info }
func (c *csvReader) Close() error     { return nil }

func (c *csvReader) Next() (Row, error) {
	for {
		c.limit.n = 0
		rec, err := c.cr.Read()
		var perr *csv.ParseError
		switch {
		case errors.Is(err, errRecord):
			return Row{}, failLimit(KeyRecordTooLong, "Line", c.next, "Limit", MaxRecordBytes>>10)
		case errors.As(err, &perr):
			c.next = perr.Line + 1
			if err := c.checkCaps(perr.StartLine, rec); err != nil {
				return Row{}, err
			}
			return Row{Line: perr.StartLine, Cells: rec}, failQuote(perr.StartLine, perr)
		case err != nil:
			return Row{}, err
		}
		line, _ := c.cr.FieldPos(0)
		last, _ := c.cr.FieldPos(len(rec) - 1)
		c.next = last + strings.Count(rec[len(rec)-1], "\n") + 1
		if err := c.checkCaps(line, rec); err != nil {
			return Row{}, err
		}
		if blank(rec) {
			continue
		}
		row := Row{Line: line, Cells: trimRow(rec, len(c.header))}
		if c.check {
			for _, cell := range rec {
				if !utf8.ValidString(cell) {
					return row, failBadText(line)
				}
			}
		}
		return row, nil
	}
}

// checkCaps counts the record read and checks its columns and cells.
func (c *csvReader) checkCaps(line int, rec []string) error {
	if c.rows++; c.rows > MaxRows {
		return failLimit(KeyTooManyRows, "Limit", MaxRows)
	}
	if len(rec) > MaxColumns {
		return failLimit(KeyTooManyColumns, "Line", line, "Limit", MaxColumns)
	}
	for _, cell := range rec {
		if len(cell) > MaxCellChars && utf8.RuneCountInString(cell) > MaxCellChars {
			return failLimit(KeyCellTooLong, "Line", line, "Limit", MaxCellChars)
		}
	}
	return nil
}

// errRecord is the failure of a recordLimiter.
var errRecord = errors.New("tabular: CSV record too long")

// recordLimiter fails once more than MaxRecordBytes have been read since its
// count n was last set to 0, before each record: encoding/csv holds a whole
// record, which a line that never ends would make as large as the file. Its
// reading ahead of a few KB counts against the record.
type recordLimiter struct {
	r io.Reader
	n int
}

func (l *recordLimiter) Read(p []byte) (int, error) {
	if l.n > MaxRecordBytes {
		return 0, errRecord
	}
	n, err := l.r.Read(p)
	l.n += n
	return n, err
}
