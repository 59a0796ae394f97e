package requests

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/web/kit"
)

// Attach attaches an uploaded scan or photo to the {id} request; the
// service checks its size and what its content is.
func (s *Server) Attach(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(nil, "file")
	up, err := kit.ReadUpload(r, "file", s.svc.Imports.TempDir, requests.MaxDocument+1)
	defer func() { _ = up.Close() }()
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return err
	}
	if err != nil || up.File == nil {
		f.Fail(rq.L, "file", "requests.document_missing")
		return s.renderRequest(w, r, rq, f, "", http.StatusUnprocessableEntity)
	}
	data, err := io.ReadAll(io.LimitReader(up.File, requests.MaxDocument+1))
	if err != nil {
		return err
	}
	if _, err := s.svc.Requests.Attach(r.Context(), rq.P, id, up.Name, data); err != nil {
		if !f.Absorb(rq.L, err) {
			return err
		}
		if f.Summary != "" { // the size or the type: said beside the file field
			f.FieldErrs["file"], f.Summary = f.Summary, ""
		}
		return s.renderRequest(w, r, rq, f, "", http.StatusUnprocessableEntity)
	}
	s.Flash(r, "requests.attached")
	return kit.SeeOther(w, r, requestURL(id)+"#documents")
}

// Document sends document {doc} of the {id} request, private to the
// reader and never stored by a cache; the access log records it.
func (s *Server) Document(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	doc, err := strconv.ParseInt(r.PathValue("doc"), 10, 64)
	if err != nil {
		return kit.ErrNotFound
	}
	d, err := s.svc.Requests.DocumentData(r.Context(), rq.P, id, doc, "web")
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", d.ContentType)
	h.Set("Cache-Control", "private, no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": d.Name}))
	_, err = w.Write(d.Data)
	return err
}
