package registry

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// HouseholdEdit shows the form that changes a household's details: its
// place, contacts, income category, circumstances and notes.
func (s *Server) HouseholdEdit(w http.ResponseWriter, r *http.Request, rq *request) error {
	h, err := s.editedHousehold(r, rq)
	if err != nil {
		return err
	}
	v := &householdFormView{Page: s.Page(r, rq, "households.edit"), Household: &h, Form: householdFormOf(h)}
	return s.renderHouseholdForm(w, r, rq, v, http.StatusOK)
}

// HouseholdUpdate saves the edit form and returns to the household's page.
func (s *Server) HouseholdUpdate(w http.ResponseWriter, r *http.Request, rq *request) error {
	h, err := s.editedHousehold(r, rq)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, householdFields...)
	if in, ok := householdInput(rq, f); ok {
		_, err := s.svc.People.UpdateHousehold(r.Context(), rq.P, h.ID, in)
		if err == nil {
			s.Flash(r, "flash.saved")
			return kit.SeeOther(w, r, householdURL(h.ID))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	v := &householdFormView{Page: s.Page(r, rq, "households.edit"), Household: &h, Form: f}
	return s.renderHouseholdForm(w, r, rq, v, http.StatusUnprocessableEntity)
}

// editedHousehold reads the {id} household once the user may change it.
// Reading it writes the access log, as opening its page does: the form
// shows the family's address and phone.
func (s *Server) editedHousehold(r *http.Request, rq *request) (people.Household, error) {
	id, err := kit.PathID(r)
	if err != nil {
		return people.Household{}, err
	}
	h, err := s.svc.People.Household(r.Context(), rq.P, id, people.ViaWeb)
	if err != nil {
		return h, err
	}
	return h, access.Can(rq.P, access.EditChild, h.Target())
}

// householdFormOf fills a household's form with what is stored.
func householdFormOf(h people.Household) *form {
	f := kit.NewForm(nil, householdFields...)
	v := f.Values
	if h.OrgID != 0 {
		v["org_id"] = kit.Itoa(h.OrgID)
	}
	v["region_code"], v["address"], v["phone"] = h.RegionCode, h.Address, h.Phone
	v["income_category"], v["external_ref"], v["notes"] = h.IncomeCategory, h.ExternalRef, h.Notes
	for name, on := range map[string]bool{"low_income": h.LowIncome, "incomplete": h.Incomplete, "dysfunctional": h.Dysfunctional} {
		if on {
			v[name] = "on"
		}
	}
	return f
}
