package sponsors

import (
	"net/http"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/web/kit"
)

type portalView struct {
	Page
	S sponsors.Sponsor
	G giving
}

// Giving is the sponsor portal: the giving of the user's own sponsor —
// gifts, pledges, gifts in kind, receipts and impact in figures.
func (s *Server) Giving(w http.ResponseWriter, r *http.Request, rq *request) error {
	sp, err := s.svc.Sponsors.Mine(r.Context(), rq.P)
	if err != nil {
		return err
	}
	v := portalView{Page: s.Page(r, rq, "nav.giving"), S: sp}
	if v.G, err = s.readGiving(r.Context(), rq, sp.ID); err != nil {
		return err
	}
	s.Render(w, http.StatusOK, "giving", &v)
	return nil
}

type receiptView struct {
	Page
	R      sponsors.Receipt
	Amount string
	Method string
	// T is the receipt's own language, the sponsor's, whatever the
	// reader's.
	T func(key string, args ...any) string
	// Dir is the receipt's direction: rtl in Persian.
	Dir string
	// PDF is the address of the receipt's PDF, beside the page's own.
	PDF string
}

// Receipt is a receipt's print view, in the sponsor's language: the
// staff's route (/sponsors/receipts/{id}) and the sponsor's own
// (/giving/receipts/{id}) show the same page.
func (s *Server) Receipt(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	rc, err := s.svc.Sponsors.Receipt(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	l := s.svc.Catalog.Localizer(i18n.Locale(rc.Locale))
	v := receiptView{Page: s.Page(r, rq, "sponsors.receipt"), R: rc, T: l.T, Dir: i18n.Locale(rc.Locale).Dir(),
		PDF: r.URL.Path + "/pdf"}
	if rc.Gift != nil {
		v.Amount = sponsors.FormatMoney(l, rc.Gift.Amount, rc.Gift.Currency)
		v.Method = l.T("sponsors.method." + string(rc.Gift.Method))
	}
	s.Render(w, http.StatusOK, "receipt", &v)
	return nil
}

// Tables are the giving's tables in the portal.
func (v *portalView) Tables() tables { return tables{P: v.Page, G: v.G, Base: "/giving", ID: v.S.ID} }
