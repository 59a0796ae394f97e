package registry

import (
	"net/http"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// consentFields and categoryFields are the fields of the two small forms
// of a person's page, in page order.
var (
	consentFields  = []string{"purpose", "method", "given_by", "child_assent"}
	categoryFields = []string{"category", "doc_type", "doc_number", "issued_on", "expires_on", "verified"}
)

// ConsentGive records a consent for the {id} person.
func (s *Server) ConsentGive(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, consentFields...)
	in := people.ConsentInput{Purpose: people.Purpose(f.Values["purpose"]), Method: people.Method(f.Values["method"]),
		GivenByName: f.Values["given_by"], ChildAssent: f.Values["child_assent"] != ""}
	if _, err := s.svc.People.GiveConsent(r.Context(), rq.P, id, in); err != nil {
		if !f.Absorb(rq.L, err) {
			return err
		}
		return s.rejected(w, r, rq, f, kit.NewForm(nil, categoryFields...))
	}
	s.Flash(r, "people.consent_recorded")
	return kit.SeeOther(w, r, personURL(id)+"#consents")
}

// ConsentWithdraw withdraws the consent of the {id} person for {purpose}.
func (s *Server) ConsentWithdraw(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	if err := s.svc.People.Withdraw(r.Context(), rq.P, id, people.Purpose(r.PathValue("purpose"))); err != nil {
		return err
	}
	s.Flash(r, "people.consent_withdrawn")
	return kit.SeeOther(w, r, personURL(id)+"#consents")
}

// CategoryAssign puts the {id} person in a category, with its evidence.
func (s *Server) CategoryAssign(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, categoryFields...)
	ev := people.Evidence{DocType: f.Values["doc_type"], DocNumber: f.Values["doc_number"],
		IssuedOn: kit.FormDate(rq, f, "issued_on"), ExpiresOn: kit.FormDate(rq, f, "expires_on"), Verified: f.Values["verified"] != ""}
	if f.Values["category"] == "" {
		f.Fail(rq.L, "category", "error.required", "Field", rq.L.T("field.category"))
	}
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.People.Assign(r.Context(), rq.P, id, f.Values["category"], ev)
		if err == nil {
			s.Flash(r, "people.category_added")
			return kit.SeeOther(w, r, personURL(id)+"#categories")
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	return s.rejected(w, r, rq, kit.NewForm(nil, consentFields...), f)
}

// CategoryRemove takes the {id} person out of the category {code}.
func (s *Server) CategoryRemove(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	if err := s.svc.People.Unassign(r.Context(), rq.P, id, r.PathValue("code")); err != nil {
		return err
	}
	s.Flash(r, "people.category_removed")
	return kit.SeeOther(w, r, personURL(id)+"#categories")
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
