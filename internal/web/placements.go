package web

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/text"
)

// offerFields and placeFields are the fields of the form that offers
// places and of the form that places a child, in page order.
var (
	offerFields = []string{"org_id", "year", "quota", "programme", "notes"}
	placeFields = []string{"person"}
)

// placesView lists the offers of places in the user's scope, with the
// form that records a new one.
type placesView struct {
	Page
	Offers  []people.Offer
	CanEdit bool
	Form    *form
	Orgs    []option
}

// places lists the offers of places the user may see.
func (s *Server) places(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := newForm(nil, offerFields...)
	f.Values["year"] = strconv.Itoa(s.today(rq).Year())
	return s.renderPlaces(w, r, rq, f, http.StatusOK)
}

func (s *Server) renderPlaces(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	offers, err := s.svc.People.Offers(ctx, rq.p, 0, 0)
	if err != nil {
		return err
	}
	v := placesView{Page: s.page(r, rq, "places.title"), Offers: offers, Form: f, CanEdit: access.Allowed(rq.p, access.EditChild)}
	if v.CanEdit {
		opts, err := s.orgOptions(ctx, rq.p, f.Values["org_id"], "", 0)
		if err != nil {
			return err
		}
		v.Orgs = withEmpty(opts, rq.l.T("places.choose_org"), f.Values["org_id"])
	}
	s.render(w, status, "places", &v)
	return nil
}

// offerCreate records an offer of places.
func (s *Server) offerCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := newForm(r, offerFields...)
	in := people.OfferInput{OrgID: filterID(rq, f, "org_id"), Year: formInt(rq, f, "year"), Quota: formInt(rq, f, "quota"),
		Programme: f.Values["programme"], Notes: f.Values["notes"]}
	if len(f.errors) == 0 {
		o, err := s.svc.People.CreateOffer(r.Context(), rq.p, in)
		if err == nil {
			s.flash(r, "places.created")
			return seeOther(w, r, "/places/"+itoa(o.ID))
		}
		if !f.absorb(rq.l, err) {
			return err
		}
	}
	return s.renderPlaces(w, r, rq, f, http.StatusUnprocessableEntity)
}

// formInt reads a whole number typed in any digits; an empty field is 0.
func formInt(rq *request, f *form, field string) int {
	v := text.NormalizeDigits(f.Values[field])
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		f.fail(rq.l, field, "error.not_a_number")
		return 0
	}
	return n
}

// offerView is one offer with the children placed on it.
type offerView struct {
	Page
	Offer      people.Offer
	Placements []placementRow
	Outcomes   []outcomeButton
	CanEdit    bool
	Form       *form
}

// outcomeButton is one outcome a placement can be given.
type outcomeButton struct {
	Value people.PlacementOutcome
	Name  string
}

// offer shows the {id} offer and its placements.
func (s *Server) offer(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderOffer(w, r, rq, newForm(nil, placeFields...), http.StatusOK)
}

func (s *Server) renderOffer(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	o, err := s.svc.People.Offer(ctx, rq.p, id)
	if err != nil {
		return err
	}
	ls, err := s.svc.People.Placements(ctx, rq.p, id)
	if err != nil {
		return err
	}
	v := offerView{Page: s.page(r, rq, "places.offer"), Offer: o, Placements: placementRows(rq.l, ls), Form: f,
		CanEdit: access.Can(rq.p, access.EditChild, o.Target()) == nil}
	v.Title = o.OrgName + " · " + rq.l.Digits(strconv.Itoa(o.Year))
	for _, oc := range people.PlacementOutcomes() {
		v.Outcomes = append(v.Outcomes, outcomeButton{Value: oc, Name: outcomeName(rq.l, oc)})
	}
	s.render(w, status, "place", &v)
	return nil
}

// placeChild places the child with record number ?person on the {id} offer.
func (s *Server) placeChild(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	f := newForm(r, placeFields...)
	f.Values["person"] = text.NormalizeDigits(f.Values["person"])
	person := filterID(rq, f, "person")
	if f.Values["person"] == "" {
		f.fail(rq.l, "person", "error.required", "Field", rq.l.T("field.person"))
	}
	if len(f.errors) == 0 {
		_, err := s.svc.People.Place(r.Context(), rq.p, id, person)
		if err == nil {
			s.flash(r, "places.placed")
			return seeOther(w, r, "/places/"+itoa(id))
		}
		if !f.absorb(rq.l, err) {
			return err
		}
		if f.Summary != "" && !f.Has("person") {
			f.errors["person"], f.Summary = f.Summary, ""
		}
	}
	return s.renderOffer(w, r, rq, f, http.StatusUnprocessableEntity)
}

// placementOutcome sets the outcome of placement {placement} of the {id}
// offer to the button pressed.
func (s *Server) placementOutcome(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	pl, err := strconv.ParseInt(r.PathValue("placement"), 10, 64)
	if err != nil || pl <= 0 {
		return errNotFound
	}
	ls, err := s.svc.People.Placements(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	found := false
	for _, l := range ls {
		found = found || l.ID == pl
	}
	if !found {
		return errNotFound
	}
	if _, err := s.svc.People.SetPlacementOutcome(r.Context(), rq.p, pl, people.PlacementOutcome(r.PostFormValue("outcome"))); err != nil {
		return err
	}
	s.flash(r, "places.outcome_set")
	return seeOther(w, r, "/places/"+itoa(id))
}
