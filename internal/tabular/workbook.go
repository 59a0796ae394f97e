package tabular

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
)

// checkWorkbook refuses a zip that unpacks beyond the limits or is no
// workbook, and returns the worksheet part of each sheet by name and the
// shared strings part (nil when there is none).
func checkWorkbook(zr *zip.Reader) (map[string]*zip.File, *zip.File, error) {
	if len(zr.File) > maxEntries {
		return nil, nil, failFormat(fmt.Errorf("%d parts", len(zr.File)))
	}
	files := make(map[string]*zip.File, len(zr.File))
	var total, inMemory uint64
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		files[name] = f
		size := f.UncompressedSize64
		if size > maxUnpacked || total+size > maxUnpacked {
			return nil, nil, failTooLarge(maxUnpacked)
		}
		total += size
		big := strings.HasPrefix(name, "xl/worksheets/sheet") || name == "xl/sharedstrings.xml"
		switch {
		case big && size > MaxPartBytes:
			return nil, nil, failPartTooLarge(f.Name, MaxPartBytes)
		case size > ratioFloor && size > MaxRatio*f.CompressedSize64:
			return nil, nil, failCompressed(f.Name, size/max(f.CompressedSize64, 1))
		case !big && size > maxOtherXML && !strings.HasPrefix(name, "xl/media/") && !strings.HasPrefix(name, "xl/embeddings/"):
			return nil, nil, failPartTooLarge(f.Name, maxOtherXML)
		case size <= maxXMLInMemory || !big:
			inMemory += size
		}
	}
	if inMemory > maxInMemory {
		return nil, nil, failTooLarge(maxInMemory)
	}
	type rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	var root, bookRels rels
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"id,attr"`
		} `xml:"sheets>sheet"`
	}
	bookPath := "xl/workbook.xml"
	if decodePart(files["_rels/.rels"], &root) == nil {
		for _, r := range root.Rel {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				bookPath = partPath("/", r.Target)
			}
		}
	}
	dir, base := path.Split(bookPath)
	if err := decodePart(files[bookPath], &book); err != nil {
		return nil, nil, failFormat(err)
	}
	if err := decodePart(files[dir+"_rels/"+base+".rels"], &bookRels); err != nil {
		return nil, nil, failFormat(err)
	}
	parts := make(map[string]*zip.File, len(book.Sheets))
	for _, s := range book.Sheets {
		for _, r := range bookRels.Rel {
			if r.ID == s.ID && strings.HasSuffix(r.Type, "/worksheet") && files[partPath(dir, r.Target)] != nil {
				parts[s.Name] = files[partPath(dir, r.Target)]
			}
		}
	}
	return parts, files["xl/sharedstrings.xml"], nil
}

// partPath resolves a relationship target against the folder of its source.
func partPath(dir, target string) string {
	if !strings.HasPrefix(target, "/") {
		target = dir + target
	}
	return strings.ToLower(strings.TrimPrefix(path.Clean("/"+target), "/"))
}

// decodePart unmarshals a small XML part; attributes match whatever their
// namespace, so transitional and strict workbooks both read.
func decodePart(f *zip.File, v any) error {
	if f == nil {
		return io.ErrUnexpectedEOF
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v) // at most maxOtherXML bytes
}

// openBook opens the workbook with excelize from a file, which excelize reads
// lazily, rather than from a reader, which it would read whole into memory:
// r itself when it is a file, else a copy in the folder tmp.
func openBook(r io.ReaderAt, size int64, tmp string) (*excelize.File, error) {
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Size() == size {
			book, err := excelize.OpenFile(f.Name(), excelOptions(tmp))
			if !errors.Is(err, fs.ErrNotExist) {
				return book, err
			}
		}
	}
	copied, err := os.CreateTemp(tmp, "upload-*.xlsx")
	if err != nil {
		return nil, err
	}
	defer os.Remove(copied.Name())
	defer copied.Close()
	if _, err := io.Copy(copied, io.NewSectionReader(r, 0, size)); err != nil {
		return nil, err
	}
	return excelize.OpenFile(copied.Name(), excelOptions(tmp))
}
