package guidance

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/guidance"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/web/kit"
)

// offerFields and placeFields are the fields of the form that offers
// Places and of the form that places a child, in page order.
var (
	offerFields = []string{"org_id", "year", "quota", "programme", "notes"}
	placeFields = []string{"person"}
)

// placesView lists the offers of places in the user's scope, with the
// form that records a new one.
type placesView struct {
	Page
	listing
	Offers  []guidance.Offer
	CanEdit bool
	Form    *form
	Orgs    []option
}

// Places lists the offers of places the user may see.
func (s *Server) Places(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, offerFields...)
	f.Values["year"] = strconv.Itoa(s.Today(rq).Year())
	return s.renderPlaces(w, r, rq, f, http.StatusOK)
}

func (s *Server) renderPlaces(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	offers, err := s.svc.Guidance.Offers(ctx, rq.P, 0, 0)
	if err != nil {
		return err
	}
	v := placesView{Page: s.Page(r, rq, "places.title"), listing: kit.Whole(len(offers)), Offers: offers, Form: f, CanEdit: access.Allowed(rq.P, access.EditChild)}
	if v.CanEdit {
		opts, err := kit.OrgOptions(ctx, s.svc.Orgs, rq.P, f.Values["org_id"], "", 0)
		if err != nil {
			return err
		}
		v.Orgs = withEmpty(opts, rq.L.T("places.choose_org"), f.Values["org_id"])
	}
	s.Render(w, status, "places", &v)
	return nil
}

// OfferCreate records an offer of places.
func (s *Server) OfferCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, offerFields...)
	in := guidance.OfferInput{OrgID: kit.FilterID(rq, f, "org_id"), Year: kit.Count(rq, f, "year"), Quota: kit.Count(rq, f, "quota"),
		Programme: f.Values["programme"], Notes: f.Values["notes"]}
	if len(f.FieldErrs) == 0 {
		o, err := s.svc.Guidance.CreateOffer(r.Context(), rq.P, in)
		if err == nil {
			s.Flash(r, "places.created")
			return kit.SeeOther(w, r, "/places/"+kit.Itoa(o.ID))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	return s.renderPlaces(w, r, rq, f, http.StatusUnprocessableEntity)
}

// offerView is one offer with the children placed on it.
type offerView struct {
	Page
	listing
	Offer      guidance.Offer
	Placements []placementRow
	Outcomes   []outcomeButton
	CanEdit    bool
	Form       *form
	Picker     picker // the children a search found, to place
}

// outcomeButton is one outcome a placement can be given.
type outcomeButton struct {
	Value guidance.PlacementOutcome
	Name  string
}

// Offer shows the {id} offer and its placements.
func (s *Server) Offer(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderOffer(w, r, rq, kit.NewForm(nil, placeFields...), http.StatusOK)
}

func (s *Server) renderOffer(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	o, err := s.svc.Guidance.Offer(ctx, rq.P, id)
	if err != nil {
		return err
	}
	ls, err := s.svc.Guidance.Placements(ctx, rq.P, id)
	if err != nil {
		return err
	}
	v := offerView{Page: s.Page(r, rq, "places.offer"), listing: kit.Whole(len(ls)), Offer: o, Placements: placementRows(rq.L, ls), Form: f,
		CanEdit: access.Can(rq.P, access.EditChild, o.Target()) == nil}
	v.Title = o.OrgName + " · " + rq.L.Digits(strconv.Itoa(o.Year))
	if v.CanEdit {
		// q comes in the page's query, or posted back by a place button.
		if v.Picker, err = s.pickChildren(ctx, rq, r.FormValue("q"), ls); err != nil {
			return err
		}
	}
	for _, oc := range guidance.PlacementOutcomes() {
		v.Outcomes = append(v.Outcomes, outcomeButton{Value: oc, Name: outcomeName(rq.L, oc)})
	}
	s.Render(w, status, "place", &v)
	return nil
}

// PlaceChild places the child whose place button was pressed (the hidden
// person field of a row the offer page's search found) on the {id} offer.
func (s *Server) PlaceChild(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, placeFields...)
	f.Values["person"] = text.NormalizeDigits(f.Values["person"])
	person := kit.FilterID(rq, f, "person")
	if f.Values["person"] == "" {
		f.Fail(rq.L, "person", "error.required", "Field", rq.L.T("field.person"))
	}
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Guidance.Place(r.Context(), rq.P, id, person)
		if err == nil {
			s.Flash(r, "places.placed")
			return kit.SeeOther(w, r, "/places/"+kit.Itoa(id))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
		if f.Summary != "" && !f.Has("person") {
			f.FieldErrs["person"], f.Summary = f.Summary, ""
		}
	}
	return s.renderOffer(w, r, rq, f, http.StatusUnprocessableEntity)
}

// PlacementOutcome sets the outcome of placement {placement} of the {id}
// Offer to the button pressed.
func (s *Server) PlacementOutcome(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	pl, err := strconv.ParseInt(r.PathValue("placement"), 10, 64)
	if err != nil || pl <= 0 {
		return kit.ErrNotFound
	}
	ls, err := s.svc.Guidance.Placements(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	found := false
	for _, l := range ls {
		found = found || l.ID == pl
	}
	if !found {
		return kit.ErrNotFound
	}
	if _, err := s.svc.Guidance.SetPlacementOutcome(r.Context(), rq.P, pl, guidance.PlacementOutcome(r.PostFormValue("outcome"))); err != nil {
		return err
	}
	s.Flash(r, "places.outcome_set")
	return kit.SeeOther(w, r, "/places/"+kit.Itoa(id))
}
