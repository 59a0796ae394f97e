package tabular

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// errToken and errBang are the failures of a tokenLimiter: the XML token
// being read is longer than maxTokenBytes, or the part holds a comment, a
// CDATA section or a document type, which no workbook part needs and whose
// length encoding/xml does not bound by the '<' that closes other tokens.
var (
	errToken = errors.New("tabular: XML token too long")
	errBang  = errors.New("tabular: XML comment, CDATA or DOCTYPE in a workbook part")
)

// tokenLimiter passes an XML part through, failing as soon as more than
// maxTokenBytes bytes come without a '<'. encoding/xml holds a whole token in
// memory before it returns it - a text of 2 GB, a tag with a 2 GB attribute -
// and every token ends at the next '<' (comments and CDATA aside, refused),
// so this bounds the decoder's memory whatever the part holds.
type tokenLimiter struct {
	r    io.Reader
	run  int  // bytes since the last '<'
	open bool // the last byte read was '<'
	err  error
}

func (l *tokenLimiter) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	for b := p[:n]; len(b) > 0; {
		if l.open {
			if l.open = false; b[0] == '!' {
				l.err = errBang
				return 0, l.err
			}
		}
		i := bytes.IndexByte(b, '<')
		if i < 0 || l.run+i > maxTokenBytes {
			l.run += len(b)
			break
		}
		l.run, l.open, b = 0, true, b[i+1:]
	}
	if l.run > maxTokenBytes {
		l.err = errToken
		return 0, l.err
	}
	return n, err
}

// checkSharedStrings scans the workbook's shared strings, before excelize
// reads any, for the caps on their number and on the length of each.
// Excelize indexes them whole the first time a row asks for one.
func checkSharedStrings(f *zip.File) error {
	if f == nil {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return failFormat(err)
	}
	defer rc.Close()
	dec := xml.NewDecoder(&tokenLimiter{r: rc})
	items, chars, depth := 0, 0, 0
	for {
		tok, err := dec.RawToken()
		switch {
		case errors.Is(err, errToken) && depth >= 2:
			return failLimit(KeyStringTooLong, "Item", items, "Limit", MaxCellChars)
		case errors.Is(err, errToken):
			return failLimit(KeyXMLLimit, "Part", f.Name)
		case errors.Is(err, errBang):
			return failFormat(fmt.Errorf("%s: %w", f.Name, err))
		case err != nil: // the end, or damage excelize stops at too
			return nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxDepth {
				return failFormat(fmt.Errorf("%s: elements nested deeper than %d", f.Name, maxDepth))
			}
			if depth == 2 && t.Name.Local == "si" {
				if items, chars = items+1, 0; items > MaxSharedStrings {
					return failLimit(KeyTooManyStrings, "Limit", MaxSharedStrings)
				}
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if chars += utf8.RuneCount(t); depth >= 2 && chars > MaxCellChars {
				return failLimit(KeyStringTooLong, "Item", items, "Limit", MaxCellChars)
			}
		}
	}
}

// checkIntact unpacks, to nothing, each sheet and the shared strings when
// excelize would unpack them to a temporary file: when that fails, because
// the part holds more or less than its header declares, excelize falls back
// to reading the whole part into memory. archive/zip refuses a part that
// holds more than it declares, or whose checksum differs.
func checkIntact(zr *zip.Reader) error {
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		if f.UncompressedSize64 <= maxXMLInMemory ||
			!strings.HasPrefix(name, "xl/worksheets/sheet") && name != "xl/sharedstrings.xml" {
			continue
		}
		rows := &rowCounter{}
		rc, err := f.Open()
		if err == nil {
			_, err = io.Copy(rows, rc)
			err = errors.Join(err, rc.Close())
		}
		switch {
		case errors.Is(err, errRows):
			return failLimit(KeyTooManyRows, "Limit", MaxRows)
		case err != nil:
			return failDamaged(f.Name, err)
		}
	}
	return nil
}

// errRows stops a rowCounter.
var errRows = errors.New("tabular: too many rows")

// rowCounter counts the <row> tags of a sheet as it is unpacked, failing
// past MaxRows: a sheet of 14 million empty rows is refused at the speed
// of unpacking, before excelize copies it to a temporary file. (The sheet
// guard counts rows exactly; this count misses a prefixed <x:row>.)
type rowCounter struct {
	tail [4]byte // the last bytes written, where a tag may begin
	held int     // how many of them
	n    int
}

func (c *rowCounter) Write(p []byte) (int, error) {
	var edge [8]byte // the tail and the start of p: a tag across two writes
	e := copy(edge[:], c.tail[:c.held])
	e += copy(edge[e:], p)
	if err := c.count(edge[:e], c.held); err != nil {
		return 0, err
	}
	if err := c.count(p, len(p)); err != nil {
		return 0, err
	}
	if len(p) >= 4 {
		c.held = copy(c.tail[:], p[len(p)-4:])
	} else {
		c.held = copy(c.tail[:], edge[max(0, e-4):e])
	}
	return len(p), nil
}

// count counts the row tags of b that start before end and whose next
// byte b holds.
func (c *rowCounter) count(b []byte, end int) error {
	for i := 0; i < end; {
		j := bytes.Index(b[i:], []byte("<row"))
		if j < 0 || i+j >= end || i+j+4 >= len(b) {
			return nil
		}
		i += j + 4
		if x := b[i]; x == ' ' || x == '>' || x == '/' || x == '\t' || x == '\r' || x == '\n' {
			if c.n++; c.n > MaxRows {
				return errRows
			}
		}
	}
	return nil
}
