package sponsors

import (
	"net/http"
	"strings"

	"github.com/jolproject/jol/internal/web/kit"
)

// ReceiptPDF downloads a receipt as a PDF in the sponsor's language: the
// staff's route (/sponsors/receipts/{id}/pdf) and the sponsor's own
// (/giving/receipts/{id}/pdf), which finds only the sponsor's receipts.
func (s *Server) ReceiptPDF(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	rc, pdf, err := s.svc.Sponsors.ReceiptPDF(r.Context(), rq.P, id, s.svc.Catalog)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", `attachment; filename="`+ReceiptFile(rc.Code)+`"`)
	h.Set("Cache-Control", "no-store")
	_, err = w.Write(pdf)
	return err
}

// ReceiptFile names receipt code's PDF file: "receipt-2026-17.pdf".
func ReceiptFile(code string) string {
	return "receipt-" + strings.ReplaceAll(code, "/", "-") + ".pdf"
}
