package kit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
)

// UploadFile is the file of an upload: read it once, or at any offset.
type UploadFile interface {
	io.Reader
	io.ReaderAt
	io.Seeker
}

// Upload is a multipart form read from a request: its text fields and the
// one file it was asked for. Close removes what the file left on disk.
type Upload struct {
	File UploadFile // nil when the form sent no such file
	Name string     // the file's name as the browser sent it
	Size int64
	tmp  *os.File
}

// ReadUpload reads the multipart body of r itself, rather than with
// r.ParseMultipartForm, whose files wait in the system's temporary folder
// where a crash leaves them: the file part named field is kept in memory
// up to memory bytes, and beyond that in a temporary file in dir, the
// data directory's folder that the start-up sweep empties. Other files
// are skipped. The text fields become r.PostForm (and r.Form, with the
// query), so r.FormValue reads them. The route's body limit bounds the
// whole; an error is that of reading the body (an *http.MaxBytesError
// when too large), or http.ErrNotMultipart. Close the upload when done,
// also after an error.
func ReadUpload(r *http.Request, field, dir string, memory int64) (*Upload, error) {
	u := &Upload{}
	fields := url.Values{}
	defer func() { // the fields read, whatever stopped the reading
		r.PostForm, r.Form = fields, url.Values{}
		for k, v := range r.URL.Query() {
			r.Form[k] = v
		}
		for k, v := range fields {
			r.Form[k] = append(v, r.Form[k]...)
		}
	}()
	mr, err := r.MultipartReader()
	if err != nil {
		return u, err
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return u, nil
		}
		if err != nil {
			return u, fmt.Errorf("upload: %w", err)
		}
		name := part.FormName()
		switch {
		case part.FileName() == "":
			b, err := io.ReadAll(io.LimitReader(part, MaxFormBytes))
			if err != nil {
				return u, fmt.Errorf("upload: field %s: %w", name, err)
			}
			fields.Add(name, string(b))
		case name == field && u.File == nil:
			u.Name = part.FileName()
			if err := u.keep(part, dir, memory); err != nil {
				return u, err
			}
		default:
			if _, err := io.Copy(io.Discard, part); err != nil {
				return u, fmt.Errorf("upload: %w", err)
			}
		}
	}
}

// keep reads the file part: in memory when it fits, else into a temporary
// file in dir.
func (u *Upload) keep(part io.Reader, dir string, memory int64) error {
	var buf bytes.Buffer
	n, err := io.CopyN(&buf, part, memory+1)
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("upload: %w", err)
	}
	if n <= memory {
		u.File, u.Size = bytes.NewReader(buf.Bytes()), n
		return nil
	}
	if u.tmp, err = os.CreateTemp(dir, "upload-*"); err != nil {
		return fmt.Errorf("upload: %w", err)
	}
	if _, err = u.tmp.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("upload: %w", err)
	}
	rest, err := io.Copy(u.tmp, part)
	if err != nil {
		return fmt.Errorf("upload: %w", err)
	}
	if _, err = u.tmp.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("upload: %w", err)
	}
	u.File, u.Size = u.tmp, n+rest
	return nil
}

// Close removes the temporary file of the upload, if it had one.
func (u *Upload) Close() error {
	if u.tmp == nil {
		return nil
	}
	err := errors.Join(u.tmp.Close(), os.Remove(u.tmp.Name()))
	u.tmp, u.File = nil, nil
	return err
}
