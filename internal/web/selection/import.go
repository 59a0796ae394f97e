package selection

import (
	"errors"
	"net/http"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/tabular"
	"github.com/jolproject/jol/internal/web/kit"
)

// importLine is a line of a list of scores that was not entered, and why
// in the reader's language.
type importLine struct {
	Line    int
	YouthID int64
	Why     string
}

// ImportScores enters the scores of an uploaded list (CSV or XLSX with
// the columns youth_id, round, score and rank if known) and shows the
// selection's page with how many were entered and each line refused. The
// route's body limit (kit.MaxUploadBytes) bounds the file.
func (s *Server) ImportScores(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(nil, scoreFields...)
	var mbe *http.MaxBytesError
	up, err := kit.ReadUpload(r, "file", s.svc.Imports.TempDir, kit.UploadMemory)
	defer func() { _ = up.Close() }()
	if errors.As(err, &mbe) {
		return err
	}
	if err != nil || up.File == nil {
		f.Absorb(rq.L, errs.Validation(errs.Field("file", "error.required", "Field", "file")))
		return s.render(w, r, rq, showView{Score: f}, http.StatusUnprocessableEntity)
	}
	rd, err := tabular.OpenIn(s.svc.Imports.TempDir, up.Name, up.File, up.Size)
	if err == nil {
		defer func() { _ = rd.Close() }()
		var res imported
		res.Imported, err = s.svc.Selection.Import(r.Context(), rq.P, id, rd)
		if err == nil {
			for _, l := range res.Refused {
				res.Lines = append(res.Lines, importLine{Line: l.Line, YouthID: l.YouthID, Why: why(rq, l.Err)})
			}
			return s.render(w, r, rq, showView{Imported: &res}, http.StatusOK)
		}
	}
	if e := errs.As(err); e != nil && e.Code != errs.Internal && f.AbsorbInput(rq.L, err) {
		return s.render(w, r, rq, showView{Score: f}, http.StatusUnprocessableEntity)
	}
	return err
}

// why is a refusal in the reader's language: its first field error, or
// its own message.
func why(rq *request, err error) string {
	f := kit.NewForm(nil)
	if !f.Absorb(rq.L, err) {
		return rq.L.T("error.invalid")
	}
	for _, m := range f.Errors() {
		return m.Text
	}
	return f.Summary
}
