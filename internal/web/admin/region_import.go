package admin

import (
	"errors"
	"net/http"

	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/web/kit"
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

// RegionImportForm shows the form that uploads a file of regions.
func (s *Server) RegionImportForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	s.Render(w, http.StatusOK, "region_import", &importView{Page: s.Page(r, rq, "regions.import"),
		Form: kit.NewForm(nil, "file"), MaxMiB: kit.MaxUploadBytes >> 20})
	return nil
}

// RegionImport reads the uploaded CSV file into the region tree. The
// route's body limit (kit.MaxUploadBytes) bounds the file.
func (s *Server) RegionImport(w http.ResponseWriter, r *http.Request, rq *request) error {
	v := importView{Page: s.Page(r, rq, "regions.import"), Form: kit.NewForm(nil, "file"), MaxMiB: kit.MaxUploadBytes >> 20}
	var mbe *http.MaxBytesError
	up, err := kit.ReadUpload(r, "file", s.svc.Imports.TempDir, kit.UploadMemory)
	defer func() { _ = up.Close() }()
	if errors.As(err, &mbe) {
		return err // shown as "too large" by failWith
	}
	if err != nil || up.File == nil {
		v.Form.Fail(rq.L, "file", "regions.file_missing")
		s.Render(w, http.StatusUnprocessableEntity, "region_import", &v)
		return nil
	}
	res, err := s.svc.Geo.Import(r.Context(), rq.P, up.File)
	if err != nil {
		return err
	}
	v.Result = &res
	for _, e := range res.Errors {
		v.Rejected = append(v.Rejected, rejectedRow{Line: e.Line, Column: e.Column, Value: e.Value,
			Reason: rowReason(rq.L, e)})
	}
	s.Render(w, http.StatusOK, "region_import", &v)
	return nil
}

// rowReason translates why a value was refused, naming a field in the
// User's language where the message names one; a missing column keeps its
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
