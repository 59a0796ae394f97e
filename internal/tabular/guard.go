package tabular

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
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
