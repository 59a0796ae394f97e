package importing

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/web/kit"
)

// ImportErrorsCSV sends the rejected rows of a run as a CSV file.
func (s *Server) ImportErrorsCSV(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.importErrors(w, r, rq, kit.CSV)
}

// ImportErrorsXLSX sends the rejected rows of a run as a workbook.
func (s *Server) ImportErrorsXLSX(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.importErrors(w, r, rq, kit.XLSX)
}

// importErrors sends the rejected rows of a run as a CSV file or a
// workbook in the downloader's language, rendered from the stored rows
// now. The rows are children's data: the download is written to the
// access log (kind "import_run", via "export") once the rows are; if
// that fails, the download is broken off, as the people export's is.
func (s *Server) importErrors(w http.ResponseWriter, r *http.Request, rq *request, format string) error {
	ctx := r.Context()
	up, run, err := s.routeRun(r, rq)
	if err != nil {
		return err
	}
	if !run.Finished() {
		return kit.ErrNotFound
	}
	name := "rejected-" + strconv.FormatInt(run.ID, 10) + "." + format
	rows, failed := s.svc.Imports.RejectRows(ctx, up, run, rq.L)
	h := w.Header()
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	if format == kit.CSV {
		h.Set("Content-Type", "text/csv; charset=utf-8")
	} else {
		h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	}
	out := &kit.SentWriter{W: w}
	err = imports.WriteRows(out, s.svc.Imports.TempDir, name, rq.L, rows)
	if err == nil {
		err = *failed
	}
	if err == nil {
		var t access.Target
		if t, err = s.placeOf(ctx, rq, run.OrgID, run.OrgPath); err == nil {
			err = s.svc.Audit.ViewedIn(ctx, rq.P, "import_run", strconv.FormatInt(run.ID, 10), t, "export")
		}
	}
	switch {
	case err == nil:
		return nil
	case out.N == 0:
		h.Del("Content-Disposition")
		h.Del("Content-Type")
		return err
	}
	if !errors.Is(err, context.Canceled) {
		s.Logger.Error("import errors download", "format", format, "err", err)
	}
	panic(http.ErrAbortHandler)
}
