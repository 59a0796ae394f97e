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

// csvReader streams a CSV file through encoding/csv.
type csvReader struct {
	cr     *csv.Reader
	header []string
	info   Info
	check  bool // UTF-8: a record past the sample may still hold stray bytes
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
	c := &csvReader{
		cr:    newCSV(src, sep),
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
		rec, err := c.cr.Read()
		var perr *csv.ParseError
		switch {
		case errors.As(err, &perr):
			return Row{Line: perr.StartLine, Cells: rec}, failQuote(perr.StartLine, perr)
		case err != nil:
			return Row{}, err
		case blank(rec):
			continue
		}
		line, _ := c.cr.FieldPos(0)
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
