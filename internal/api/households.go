package api

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/people"
)

// listHouseholds lists the households the caller may see, newest first,
// narrowed by ?region= (that place and below), ?org_id= (that
// organisation and below) and ?external_ref=.
func (a *API) listHouseholds(w http.ResponseWriter, r *http.Request, rq *request) error {
	org, err := queryID(r, "org_id")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f := people.HouseholdFilter{RegionCode: q.Get("region"), OrgID: org, ExternalRef: q.Get("external_ref")}
	out, next, err := a.svc.People.Households(r.Context(), rq.p, f, page(r))
	if err != nil {
		return err
	}
	return writeList(w, out, next)
}

// householdInput is the body of POST /households; members are added on
// their own.
type householdInput struct {
	OrgID          int64  `json:"org_id"`
	RegionCode     string `json:"region_code"`
	Address        string `json:"address"`
	Phone          string `json:"phone"`
	IncomeCategory string `json:"income_category"`
	LowIncome      bool   `json:"low_income"`
	Incomplete     bool   `json:"incomplete"`
	Dysfunctional  bool   `json:"dysfunctional"`
	Notes          string `json:"notes"`
	ExternalRef    string `json:"external_ref"`
}

func (a *API) createHousehold(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in householdInput
	if err := decode(r, &in); err != nil {
		return err
	}
	h, err := a.svc.People.CreateHousehold(r.Context(), rq.p, people.HouseholdInput{OrgID: in.OrgID, RegionCode: in.RegionCode,
		Address: in.Address, Phone: in.Phone, IncomeCategory: in.IncomeCategory, LowIncome: in.LowIncome,
		Incomplete: in.Incomplete, Dysfunctional: in.Dysfunctional, Notes: in.Notes, ExternalRef: in.ExternalRef})
	if err != nil {
		return err
	}
	return created(w, Prefix+"/households/"+strconv.FormatInt(h.ID, 10), h)
}

// member is a person of a household as the API shows them.
type member struct {
	Person   person          `json:"person"`
	Relation people.Relation `json:"relation"`
	IsHead   bool            `json:"is_head"`
}

// householdDetail is a household with the members the caller may see.
type householdDetail struct {
	people.Household
	Members []member `json:"members"`
}

// getHousehold answers one household with its members, the head first;
// the access log records that the caller opened it through the API.
func (a *API) getHousehold(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	h, err := a.svc.People.Household(r.Context(), rq.p, id, people.ViaAPI)
	if err != nil {
		return err
	}
	ms, err := a.svc.People.Members(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, householdDetail{Household: h, Members: mapSlice(ms, func(m people.Member) member {
		return member{Person: personOut(m.Person), Relation: m.Relation, IsHead: m.IsHead}
	})})
}
