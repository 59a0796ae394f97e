package web

import (
	"net/http"

	"github.com/jolproject/jol/internal/people"
)

// consentFields and categoryFields are the fields of the two small forms
// of a person's page, in page order.
var (
	consentFields  = []string{"purpose", "method", "given_by", "child_assent"}
	categoryFields = []string{"category", "doc_type", "doc_number", "issued_on", "expires_on", "verified"}
)

// consentGive records a consent for the {id} person.
func (s *Server) consentGive(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	f := newForm(r, consentFields...)
	in := people.ConsentInput{Purpose: people.Purpose(f.Values["purpose"]), Method: people.Method(f.Values["method"]),
		GivenByName: f.Values["given_by"], ChildAssent: f.Values["child_assent"] != ""}
	if _, err := s.svc.People.GiveConsent(r.Context(), rq.p, id, in); err != nil {
		if !f.absorb(rq.l, err) {
			return err
		}
		return s.rejected(w, r, rq, f, newForm(nil, categoryFields...))
	}
	s.flash(r, "people.consent_recorded")
	return seeOther(w, r, personURL(id)+"#consents")
}

// consentWithdraw withdraws the consent of the {id} person for {purpose}.
func (s *Server) consentWithdraw(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := s.svc.People.Withdraw(r.Context(), rq.p, id, people.Purpose(r.PathValue("purpose"))); err != nil {
		return err
	}
	s.flash(r, "people.consent_withdrawn")
	return seeOther(w, r, personURL(id)+"#consents")
}

// categoryAssign puts the {id} person in a category, with its evidence.
func (s *Server) categoryAssign(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	f := newForm(r, categoryFields...)
	ev := people.Evidence{DocType: f.Values["doc_type"], DocNumber: f.Values["doc_number"],
		IssuedOn: formDate(rq, f, "issued_on"), ExpiresOn: formDate(rq, f, "expires_on"), Verified: f.Values["verified"] != ""}
	if f.Values["category"] == "" {
		f.fail(rq.l, "category", "error.required", "Field", rq.l.T("field.category"))
	}
	if len(f.errors) == 0 {
		_, err := s.svc.People.Assign(r.Context(), rq.p, id, f.Values["category"], ev)
		if err == nil {
			s.flash(r, "people.category_added")
			return seeOther(w, r, personURL(id)+"#categories")
		}
		if !f.absorb(rq.l, err) {
			return err
		}
	}
	return s.rejected(w, r, rq, newForm(nil, consentFields...), f)
}

// categoryRemove takes the {id} person out of the category {code}.
func (s *Server) categoryRemove(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := s.svc.People.Unassign(r.Context(), rq.p, id, r.PathValue("code")); err != nil {
		return err
	}
	s.flash(r, "people.category_removed")
	return seeOther(w, r, personURL(id)+"#categories")
}

// rejected shows the person's page again with the consent and category
// forms cf and kf, one of them carrying a rejected submission.
func (s *Server) rejected(w http.ResponseWriter, r *http.Request, rq *request, cf, kf *form) error {
	p, err := s.viewedPerson(r, rq)
	if err != nil {
		return err
	}
	return s.renderPerson(w, r, rq, p, cf, kf, http.StatusUnprocessableEntity)
}

// seeOther sends the browser on to url after a form was handled.
func seeOther(w http.ResponseWriter, r *http.Request, url string) error {
	http.Redirect(w, r, url, http.StatusSeeOther)
	return nil
}
