package web

import (
	"errors"
	"net/http"

	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/i18n"
)

// importView is the upload form of a region import and, after one, what
// it did: the counts and the rows refused, each with its reason.
type importView struct {
	Page
	Form     *form
	Result   *geo.Result
	Rejected []rejectedRow
	MaxMiB   int
}

// rejectedRow is one refused value of an imported file, its reason
// translated.
type rejectedRow struct {
	Line   int
	Column string
	Value  string
	Reason string
}

// importMemory is how much of an upload is kept in memory; the rest of a
// file up to maxUploadBytes waits in a temporary file.
const importMemory = 1 << 20

func (s *Server) regionImportForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	s.render(w, http.StatusOK, "region_import", &importView{Page: s.page(r, rq, "regions.import"),
		Form: newForm(nil, "file"), MaxMiB: maxUploadBytes >> 20})
	return nil
}

// regionImport reads the uploaded CSV file into the region tree. The
// route's body limit (maxUploadBytes) bounds the file.
func (s *Server) regionImport(w http.ResponseWriter, r *http.Request, rq *request) error {
	v := importView{Page: s.page(r, rq, "regions.import"), Form: newForm(nil, "file"), MaxMiB: maxUploadBytes >> 20}
	var mbe *http.MaxBytesError
	if err := r.ParseMultipartForm(importMemory); errors.As(err, &mbe) {
		return err // shown as "too large" by failWith
	}
	if r.MultipartForm != nil {
		defer func() { _ = r.MultipartForm.RemoveAll() }()
	}
	file, _, err := r.FormFile("file")
	if err != nil {
		v.Form.fail(rq.l, "file", "regions.file_missing")
		s.render(w, http.StatusUnprocessableEntity, "region_import", &v)
		return nil
	}
	defer file.Close()
	res, err := s.svc.Geo.Import(r.Context(), rq.p, file)
	if err != nil {
		return err
	}
	v.Result = &res
	for _, e := range res.Errors {
		v.Rejected = append(v.Rejected, rejectedRow{Line: e.Line, Column: e.Column, Value: e.Value,
			Reason: rowReason(rq.l, e)})
	}
	s.render(w, http.StatusOK, "region_import", &v)
	return nil
}

// rowReason translates why a value was refused, naming a field in the
// user's language where the message names one; a missing column keeps its
// name as the file must spell it.
func rowReason(l *i18n.Localizer, e geo.RowError) string {
	args := append([]any{}, e.Args...)
	for i := 0; i+1 < len(args); i += 2 {
		if name, ok := args[i+1].(string); ok && args[i] == "Field" {
			args[i+1] = l.T("field." + name)
		}
	}
	return l.T(e.Key, args...)
}
