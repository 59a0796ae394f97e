package tabular

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
)

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
