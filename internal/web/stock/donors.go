package stock

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/web/kit"
)

// donorFields are the fields of the form that records a donor.
var donorFields = []string{"name", "kind", "contact"}

// donorsView lists the donors the user sees.
type donorsView struct {
	Page
	listing
	Donors  []stock.Donor
	CanEdit bool
	Form    *form
	Kinds   []option
}

// Donors lists the donors and offers the form that records one.
func (s *Server) Donors(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderDonors(w, r, rq, kit.NewForm(nil, donorFields...), http.StatusOK)
}

func (s *Server) renderDonors(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	n, err := s.svc.Stock.DonorsCount(ctx, rq.P)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	list, next, err := s.svc.Stock.DonorPage(ctx, rq.P, pg.Store())
	if err != nil {
		return err
	}
	v := donorsView{Page: s.Page(r, rq, "stock.donors"), listing: pg.Listing(r, next, n), Donors: list, Form: f,
		CanEdit: access.Allowed(rq.P, access.MoveStock)}
	v.Kinds = kit.Choices(stock.DonorKinds(), f.Values["kind"], "", kit.Key[stock.DonorKind](rq.L, "stock.donor_kind."))
	s.Render(w, status, "donors", &v)
	return nil
}

// DonorCreate records a donor of the user's organisation.
func (s *Server) DonorCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, donorFields...)
	d, err := s.svc.Stock.CreateDonor(r.Context(), rq.P, stock.DonorInput{Name: f.Values["name"],
		Kind: stock.DonorKind(f.Values["kind"]), Contact: f.Values["contact"]})
	if err == nil {
		s.Flash(r, "stock.donor_created")
		return kit.SeeOther(w, r, "/donors/"+kit.Itoa(d.ID))
	}
	if !f.Absorb(rq.L, err) {
		return err
	}
	return s.renderDonors(w, r, rq, f, http.StatusUnprocessableEntity)
}

// donorView is where a donor's gifts went, and the form that edits the
// donor for a user who may.
type donorView struct {
	Page
	Trace   stock.Trace
	Rows    []traceRow
	InStock []traceRow
	// SeesChildren: the reader may see the children the gifts reached,
	// each linked to its request.
	SeesChildren bool
	Form         *form // nil: the reader may not edit the donor
	Kinds        []option
}

type traceRow struct {
	Kind     stock.DocKind
	Name     string
	Quantity int64
}

// Donor shows the {id} donor and where their gifts went.
func (s *Server) Donor(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderDonor(w, r, rq, nil, http.StatusOK)
}

func (s *Server) renderDonor(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	t, err := s.svc.Stock.Trace(ctx, rq.P, id)
	if err != nil {
		return err
	}
	cat, err := s.catalogue(ctx, rq)
	if err != nil {
		return err
	}
	v := donorView{Page: s.Page(r, rq, "stock.donor"), Trace: t, SeesChildren: access.Allowed(rq.P, access.ViewChild)}
	v.Title = t.Donor.Name
	for _, row := range t.Rows {
		q := row.Quantity
		if q < 0 {
			q = -q
		}
		v.Rows = append(v.Rows, traceRow{row.Kind, cat.name(row.ItemID), q})
	}
	for _, it := range cat.items {
		if n := t.InStock[it.ID]; n > 0 {
			v.InStock = append(v.InStock, traceRow{Name: it.Name(cat.l), Quantity: n})
		}
	}
	if t.Donor.EditableBy(rq.P) {
		if f == nil {
			f = kit.NewForm(nil, donorFields...)
			f.Values["name"], f.Values["kind"], f.Values["contact"] = t.Donor.Name, string(t.Donor.Kind), t.Donor.Contact
		}
		v.Form = f
		v.Kinds = kit.Choices(stock.DonorKinds(), f.Values["kind"], "", kit.Key[stock.DonorKind](rq.L, "stock.donor_kind."))
	}
	s.Render(w, status, "donor", &v)
	return nil
}

// DonorUpdate edits the {id} donor's name, kind and contact; the
// organisation of the registry it is, which the form does not show,
// stays.
func (s *Server) DonorUpdate(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	d, err := s.svc.Stock.Donor(ctx, rq.P, id)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, donorFields...)
	_, err = s.svc.Stock.EditDonor(ctx, rq.P, id, stock.DonorInput{Name: f.Values["name"],
		Kind: stock.DonorKind(f.Values["kind"]), Contact: f.Values["contact"], DonorOrgID: d.DonorOrgID})
	if err == nil {
		s.Flash(r, "stock.donor_saved")
		return kit.SeeOther(w, r, "/donors/"+kit.Itoa(id))
	}
	if !f.Absorb(rq.L, err) {
		return err
	}
	return s.renderDonor(w, r, rq, f, http.StatusUnprocessableEntity)
}
