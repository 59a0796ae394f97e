package importing

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/web/kit"
)

// rejectsPerPage is how many rejected rows a run's page shows at once.
const rejectsPerPage = 50

// importRunView is one run: its progress while it goes on, then its
// totals and the rejected rows, a page at a time.
type importRunView struct {
	Page
	listing
	Upload   imports.Upload
	Run      imports.RunRecord
	Summary  string
	Failure  string
	Rejects  []rejectedRow
	Download string // the run's URL, before errors.csv and errors.xlsx
}

// ImportRun shows a dry run or an import of a list, refreshing itself
// while it works.
func (s *Server) ImportRun(w http.ResponseWriter, r *http.Request, rq *request) error {
	up, run, err := s.routeRun(r, rq)
	if err != nil {
		return err
	}
	l := rq.L
	v := importRunView{Page: s.Page(r, rq, "imports.import_title"), Upload: up, Run: run, Download: runURL(run)}
	if run.DryRun {
		v.Title = l.T("imports.dry_title", "Name", up.Name)
	} else {
		v.Title = l.T("imports.import_title", "Name", up.Name)
	}
	if !run.Finished() {
		v.Refresh = 2
		s.Render(w, http.StatusOK, "import_run", &v)
		return nil
	}
	res := run.Result
	tg, err := s.svc.Imports.Target(run.Target)
	if err != nil {
		return err
	}
	v.Summary = tg.Summary(l, res)
	if run.ErrorKey != "" {
		v.Failure = imports.Reason(l, imports.RowError{Key: run.ErrorKey, Args: run.ErrorArgs})
	}
	after := imports.ParseRejectCursor(r.URL.Query().Get("after"))
	page, next, err := s.svc.Imports.Rejects(r.Context(), run, after, rejectsPerPage)
	if err != nil {
		return err
	}
	name := s.svc.Imports.Namer(up, run, l)
	for _, e := range page {
		v.Rejects = append(v.Rejects, rejectedRow{Line: e.Line, Column: name(e.Column), Value: clip(e.Value),
			Reason: imports.Reason(l, e.RowError)})
	}
	if next != (imports.RejectCursor{}) {
		v.NextURL = r.URL.Path + "?after=" + next.String()
	}
	if after != (imports.RejectCursor{}) {
		v.FirstURL = r.URL.Path
	}
	if len(page) > 0 {
		// The rejected rows are children's data.
		t, err := s.placeOf(r.Context(), rq, run.OrgID, run.OrgPath)
		if err != nil {
			return err
		}
		if err := s.svc.Audit.ViewedIn(r.Context(), rq.P, "import_run", strconv.FormatInt(run.ID, 10), t, "web"); err != nil {
			return err
		}
	}
	s.Render(w, http.StatusOK, "import_run", &v)
	return nil
}

// routeRun reads the {id} and {run} of the route as a run the user may
// see and its upload.
func (s *Server) routeRun(r *http.Request, rq *request) (imports.Upload, imports.RunRecord, error) {
	up, err := s.routeUpload(r, rq)
	if err != nil {
		return up, imports.RunRecord{}, err
	}
	id, err := strconv.ParseInt(r.PathValue("run"), 10, 64)
	if err != nil || id <= 0 {
		return up, imports.RunRecord{}, kit.ErrNotFound
	}
	run, err := s.svc.Imports.Run(r.Context(), rq.P, up.ID, id)
	return up, run, err
}
