package registry

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// householdsView is the list of households the user may see.
type householdsView struct {
	Page
	listing
	Filter     *form
	Orgs       []option
	Regions    []option
	Households []householdRow
	CanEdit    bool
}

// householdRow is a household as listed, its region named.
type householdRow struct {
	people.Household
	RegionName string
	Flags      []string
}

// householdFlags names the household's circumstances in the viewer's
// language; "large family" is derived and shown on its own.
func householdFlags(l *i18n.Localizer, h people.Household) []string {
	var out []string
	for _, f := range []struct {
		on   bool
		name string
	}{{h.LowIncome, l.T("households.low_income")}, {h.Incomplete, l.T("households.incomplete")},
		{h.Dysfunctional, l.T("households.dysfunctional")}} {
		if f.on {
			out = append(out, f.name)
		}
	}
	return out
}

// HouseholdList lists households, newest first, filtered by region (with
// the places under it), organisation (with those under it) or reference.
func (s *Server) HouseholdList(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	f := kit.QueryForm(r, "region", "org", "ref")
	flt := people.HouseholdFilter{RegionCode: kit.NormRegion(f.Values["region"]), OrgID: kit.FilterID(rq, f, "org"), ExternalRef: f.Values["ref"]}
	n, err := s.svc.People.CountHouseholds(ctx, rq.P, flt)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	list, next, err := s.svc.People.Households(ctx, rq.P, flt, pg.Store())
	if err != nil {
		return err
	}
	v := householdsView{Page: s.Page(r, rq, "households.title"), listing: pg.Listing(r, next, n), Filter: f,
		CanEdit: access.Allowed(rq.P, access.EditChild)}
	region := s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))
	for _, h := range list {
		v.Households = append(v.Households, householdRow{Household: h, RegionName: region(h.RegionCode), Flags: householdFlags(rq.L, h)})
	}
	if v.Orgs, err = s.orgFilterOptions(r, rq, f.Values["org"]); err != nil {
		return err
	}
	if v.Regions, err = kit.RegionSuggestions(ctx, s.svc.Geo, s.svc.Orgs, rq); err != nil {
		return err
	}
	s.Render(w, http.StatusOK, "households", &v)
	return nil
}

// householdFormView is the form that registers a household or, with
// Household set, edits one.
type householdFormView struct {
	Page
	Household *people.Household
	Form      *form
	Orgs      []option
	Regions   []option
	Incomes   []option
}

// householdFields are the fields of a household's form, in page order.
var householdFields = []string{"org_id", "region_code", "address", "phone", "income_category",
	"low_income", "incomplete", "dysfunctional", "external_ref", "notes"}

// HouseholdNew shows the form for a new household.
func (s *Server) HouseholdNew(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, householdFields...)
	if rq.P.OrgID != 0 {
		f.Values["org_id"] = strconv.FormatInt(rq.P.OrgID, 10)
	}
	f.Values["region_code"] = s.homeRegion(r, rq)
	return s.renderHouseholdForm(w, r, rq, &householdFormView{Page: s.Page(r, rq, "households.new"), Form: f}, http.StatusOK)
}

// HouseholdCreate registers the household and goes to its page, where
// its members are added.
func (s *Server) HouseholdCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, householdFields...)
	if in, ok := householdInput(rq, f); ok {
		h, err := s.svc.People.CreateHousehold(r.Context(), rq.P, in)
		if err == nil {
			s.Flash(r, "flash.created")
			http.Redirect(w, r, householdURL(h.ID), http.StatusSeeOther)
			return nil
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	return s.renderHouseholdForm(w, r, rq, &householdFormView{Page: s.Page(r, rq, "households.new"), Form: f}, http.StatusUnprocessableEntity)
}

// householdInput reads a household's form; false with an error beside the
// organisation when its choice is not a number.
func householdInput(rq *request, f *form) (people.HouseholdInput, bool) {
	v := f.Values
	in := people.HouseholdInput{RegionCode: kit.NormRegion(v["region_code"]), Address: v["address"], Phone: v["phone"],
		IncomeCategory: v["income_category"], LowIncome: v["low_income"] != "", Incomplete: v["incomplete"] != "",
		Dysfunctional: v["dysfunctional"] != "", Notes: v["notes"], ExternalRef: v["external_ref"]}
	v["region_code"] = in.RegionCode
	var err error
	if in.OrgID, err = kit.FormID(v["org_id"]); err != nil {
		f.Fail(rq.L, "org_id", "error.unknown_org")
		return in, false
	}
	return in, true
}

// renderHouseholdForm fills the choices of a household's form, new
// (v.Household nil) or edited, and shows it.
func (s *Server) renderHouseholdForm(w http.ResponseWriter, r *http.Request, rq *request, v *householdFormView, status int) error {
	f := v.Form
	var err error
	if v.Orgs, err = kit.OrgOptions(r.Context(), s.svc.Orgs, rq.P, f.Values["org_id"], rq.L.T("common.none"), 0); err != nil {
		return err
	}
	if v.Regions, err = kit.RegionSuggestions(r.Context(), s.svc.Geo, s.svc.Orgs, rq); err != nil {
		return err
	}
	v.Incomes = incomeOptions(rq, f.Values["income_category"])
	if v.Household != nil {
		v.Path = householdURL(v.Household.ID) + "/edit"
	}
	s.Render(w, status, "household_new", v)
	return nil
}

// incomeOptions are the choices of a household's income category: none,
// the scale's codes named in the user's language, and a code stored
// before that the scale does not know, kept as it is so that saving the
// form does not lose it.
func incomeOptions(rq *request, selected string) []option {
	codes := people.IncomeCategories()
	if selected != "" && !people.KnownIncome(selected) {
		codes = append(codes, selected)
	}
	return kit.Choices(codes, selected, rq.L.T("households.income_none"), func(c string) string { return incomeName(rq, c) })
}

// incomeName is an income category's name; a code the scale does not know
// is shown as stored.
func incomeName(rq *request, code string) string {
	if people.KnownIncome(code) {
		return rq.L.T("income." + code)
	}
	return code
}

func householdURL(id int64) string { return "/households/" + strconv.FormatInt(id, 10) }
