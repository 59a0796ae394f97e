package reports

import (
	"bytes"
	"io"
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/reports"
	"github.com/jolproject/jol/internal/web/kit"
)

// Produce produces campaign {id}'s final report (reporting the campaign)
// and goes back to its page, where the downloads wait.
func (s *Server) Produce(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Reports.Produce(r.Context(), rq.P, id); err != nil {
		return err
	}
	s.Flash(r, "report.produced")
	return kit.SeeOther(w, r, "/campaigns/"+strconv.FormatInt(id, 10))
}

// PDF downloads campaign {id}'s report as a PDF in the reader's language.
func (s *Server) PDF(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.download(w, r, rq, "pdf", "application/pdf", s.svc.Reports.WritePDF)
}

// XLSX downloads campaign {id}'s report's tables as a workbook.
func (s *Server) XLSX(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.download(w, r, rq, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		s.svc.Reports.WriteXLSX)
}

func (s *Server) download(w http.ResponseWriter, r *http.Request, rq *request, ext, mime string,
	write func(out io.Writer, rep reports.Report, l i18n.Locale) error) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	rep, err := s.svc.Reports.Get(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := write(&buf, rep, rq.L.Locale()); err != nil {
		return err
	}
	name := "report-" + rep.Figures.Slug + "-" + string(rq.L.Locale()) + "." + ext
	h := w.Header()
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Content-Type", mime)
	h.Set("Cache-Control", "no-store")
	_, err = w.Write(buf.Bytes())
	return err
}
