package api

import (
	"bytes"
	"io"
	"net/http"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/reports"
)

// produceReport produces campaign {id}'s final report: the campaign must
// be closed; it is reported, and its public results published.
func (a *API) produceReport(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rep, err := a.svc.Reports.Produce(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, rep)
}

// getReport is campaign {id}'s report: its figures whole, as kept.
func (a *API) getReport(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rep, err := a.svc.Reports.Get(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, rep)
}

// getReportPDF is campaign {id}'s report as a PDF in the caller's language.
func (a *API) getReportPDF(w http.ResponseWriter, r *http.Request, rq *request) error {
	return a.reportFile(w, r, rq, "application/pdf", a.svc.Reports.WritePDF)
}

// getReportXLSX is campaign {id}'s report's tables as a workbook.
func (a *API) getReportXLSX(w http.ResponseWriter, r *http.Request, rq *request) error {
	return a.reportFile(w, r, rq, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", a.svc.Reports.WriteXLSX)
}

func (a *API) reportFile(w http.ResponseWriter, r *http.Request, rq *request, mime string,
	write func(io.Writer, reports.Report, i18n.Locale) error) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rep, err := a.svc.Reports.Get(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := write(&buf, rep, a.localizer(r, rq).Locale()); err != nil {
		return err
	}
	w.Header().Set("Content-Type", mime)
	_, err = w.Write(buf.Bytes())
	return err
}
