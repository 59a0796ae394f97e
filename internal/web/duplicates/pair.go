package duplicates

import (
	"net/http"
	"strings"

	"github.com/jolproject/jol/internal/dedupe"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// pairView is a pair side by side: each compared field of both records
// with how it agrees, the facts around them, and the decisions.
type pairView struct {
	Page
	Review dedupe.Review
	Rows   []pairRow
	Form   *form
}

// pairRow is one field of both records. Agreement is "" for a field
// shown for context, which a scan does not compare.
type pairRow struct {
	Label, A, B string
	Agreement   dedupe.Agreement
	LTR         bool
}

// Pair shows pair {id}; reading both records writes the access log.
func (s *Server) Pair(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderPair(w, r, rq, kit.NewForm(nil, "keep"), http.StatusOK)
}

func (s *Server) renderPair(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	rv, err := s.svc.Dedupe.Open(r.Context(), rq.P, id, people.ViaWeb)
	if err != nil {
		return err
	}
	if f.Values["keep"] == "" {
		f.Values["keep"] = kit.Itoa(rv.A.ID)
	}
	v := pairView{Page: s.Page(r, rq, "duplicates.pair_title"), Review: rv, Form: f}
	region := s.RegionNamer(r.Context(), s.svc.Geo, string(rq.L.Locale()))
	v.Rows = rows(v.Page, region, rv)
	s.Render(w, status, "duplicate", &v)
	return nil
}

// rows lays out the compared fields, then the school and household.
func rows(pg Page, region func(string) string, rv dedupe.Review) []pairRow {
	l := pg.L
	sex := func(p people.Person) string {
		if p.Sex == people.SexUnknown || p.Sex == "" {
			return ""
		}
		return l.T("sex." + strings.ToLower(string(p.Sex)))
	}
	get := map[string]func(people.Person) string{
		dedupe.FieldLast:       func(p people.Person) string { return p.LastName },
		dedupe.FieldFirst:      func(p people.Person) string { return p.FirstName },
		dedupe.FieldPatronymic: func(p people.Person) string { return p.Patronymic },
		dedupe.FieldBirth:      func(p people.Person) string { return pg.Day(p.BirthDate) },
		dedupe.FieldSex:        sex,
		dedupe.FieldNationalID: func(p people.Person) string { return p.NationalID },
		dedupe.FieldRegion:     func(p people.Person) string { return region(p.RegionCode) },
	}
	var out []pairRow
	for _, f := range rv.Fields {
		out = append(out, pairRow{Label: l.T("field." + f.Field), A: get[f.Field](rv.PersonA), B: get[f.Field](rv.PersonB),
			Agreement: f.Agreement, LTR: f.Field == dedupe.FieldNationalID})
	}
	household := func(p people.Person) string {
		switch {
		case p.HouseholdElsewhere:
			return l.T("people.household_elsewhere_short")
		case p.HouseholdID == 0:
			return ""
		}
		return l.T("households.number", "ID", l.Digits(kit.Itoa(p.HouseholdID)))
	}
	a, b := rv.PersonA, rv.PersonB
	out = append(out,
		pairRow{Label: l.T("people.school"), A: a.OrgName, B: b.OrgName},
		pairRow{Label: l.T("households.household"), A: household(a), B: household(b)},
		pairRow{Label: l.T("field.phone"), A: a.Phone, B: b.Phone, LTR: true},
		pairRow{Label: l.T("field.address"), A: a.Address, B: b.Address})
	return out
}

// Merge merges the pair through the registry's merge, keeping the record
// the form names, and returns to the queue.
func (s *Server) Merge(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "keep")
	keep, _ := kit.FormID(f.Values["keep"])
	_, err = s.svc.Dedupe.Merge(r.Context(), rq.P, id, keep)
	if err == nil {
		s.Flash(r, "duplicates.merged")
		return kit.SeeOther(w, r, "/duplicates")
	}
	return s.refused(w, r, rq, f, err)
}

// Distinct records that the pair is two people and returns to the queue.
func (s *Server) Distinct(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "keep")
	if _, err := s.svc.Dedupe.Distinct(r.Context(), rq.P, id); err != nil {
		return s.refused(w, r, rq, f, err)
	}
	s.Flash(r, "duplicates.marked_distinct")
	return kit.SeeOther(w, r, "/duplicates")
}

// refused shows the pair again with the reason a decision was refused
// (decided meanwhile by someone else, a merge the registry refuses).
func (s *Server) refused(w http.ResponseWriter, r *http.Request, rq *request, f *form, err error) error {
	if !f.AbsorbInput(rq.L, err) {
		return err
	}
	for k, msg := range f.FieldErrs {
		if k != "keep" {
			delete(f.FieldErrs, k)
			f.Summary = msg
		}
	}
	return s.renderPair(w, r, rq, f, http.StatusConflict)
}
