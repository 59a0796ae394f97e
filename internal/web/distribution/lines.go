package distribution

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/web/kit"
)

// Assign puts on the {id} event's list the held lines of the requests
// whose reference numbers are typed (one per line, or separated by
// commas or spaces).
func (s *Server) Assign(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "references")
	refs := strings.FieldsFunc(f.Values["references"], func(r rune) bool {
		return r == ',' || r == ';' || r == ' ' || r == '\n' || r == '\r' || r == '\t'
	})
	if _, err := s.svc.Distribution.Assign(r.Context(), rq.P, id, refs); err != nil {
		if !f.Absorb(rq.L, err) {
			return err
		}
		if f.Summary != "" {
			f.FieldErrs["references"], f.Summary = f.Summary, ""
		}
		return s.renderEvent(w, r, rq, nil, nil, nil, f, "", errs.HTTPStatus(errs.CodeOf(err)))
	}
	s.Flash(r, "distribution.assigned")
	return kit.SeeOther(w, r, eventURL(id)+"#assign")
}

// Unassign takes a line assigned by hand off the {id} event's list.
func (s *Server) Unassign(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "request_id", "line")
	request, _ := strconv.ParseInt(f.Values["request_id"], 10, 64)
	line, _ := strconv.Atoi(f.Values["line"])
	if err := s.svc.Distribution.Unassign(r.Context(), rq.P, id, request, line); err != nil {
		return err
	}
	s.Flash(r, "distribution.unassigned")
	return kit.SeeOther(w, r, eventURL(id))
}

// MaxPhotoBytes bounds the body of a list photo's upload: the largest
// photo and the form around it.
const MaxPhotoBytes = distribution.MaxPhoto + 64<<10

// PhotoUpload attaches the photo of a signed list to the {id} event.
func (s *Server) PhotoUpload(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	up, err := kit.ReadUpload(r, "file", s.svc.Imports.TempDir, distribution.MaxPhoto+1)
	defer func() { _ = up.Close() }()
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return err
	}
	if err != nil || up.File == nil {
		return errs.New(errs.Invalid, "requests.document_missing")
	}
	data, err := io.ReadAll(io.LimitReader(up.File, distribution.MaxPhoto+1))
	if err != nil {
		return err
	}
	if _, err := s.svc.Distribution.AttachPhoto(r.Context(), rq.P, id, up.Name, data); err != nil {
		return err
	}
	s.Flash(r, "distribution.photo_attached")
	return kit.SeeOther(w, r, eventURL(id)+"#photos")
}

// Photo sends a photo of the {id} event's signed list; opening it is
// logged.
func (s *Server) Photo(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	photo, err := strconv.ParseInt(r.PathValue("photo"), 10, 64)
	if err != nil {
		return errs.ErrNotFound
	}
	ph, err := s.svc.Distribution.PhotoData(r.Context(), rq.P, id, photo, "web")
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", ph.ContentType)
	h.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": ph.Name}))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	_, err = w.Write(ph.Data)
	return err
}

// Signature sends the guardian's signature of the {id} handover; opening
// it is logged.
func (s *Server) Signature(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	png, err := s.svc.Distribution.Signature(r.Context(), rq.P, id, "web")
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "image/png")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	_, err = w.Write(png)
	return err
}
