package registry

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// householdView is a household's page: its members with their relation
// and the head, the children under 18 derived from them, and the forms
// that add a member (found by a search on the same page) and set the head.
type householdView struct {
	Page
	Household  people.Household
	RegionName string
	Members    []memberRow
	CanEdit    bool
	MemberForm *form
	HeadForm   *form
	Query      string
	Found      []personRow
	Relations  []option
	Flags      []string
	IncomeName string // the income category in the user's language
}

// memberRow is a member as the page lists them.
type memberRow struct {
	people.Member
	Age     string
	SexName string
}

// memberFields are the fields of the form that adds a member.
var memberFields = []string{"person", "relation", "is_head"}

// Household shows a household; opening it writes the access log, since
// the page shows its children. ?q= searches for persons to add to it.
func (s *Server) Household(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, memberFields...)
	f.Values["relation"] = string(people.Child)
	return s.renderHousehold(w, r, rq, f, kit.NewForm(nil, "person"), http.StatusOK)
}

// renderHousehold shows the {id} household with mf and hf as its member
// and head forms (carrying a rejected submission's values and errors).
func (s *Server) renderHousehold(w http.ResponseWriter, r *http.Request, rq *request, mf, hf *form, status int) error {
	ctx, l := r.Context(), rq.L
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	h, err := s.svc.People.Household(ctx, rq.P, id, people.ViaWeb)
	if err != nil {
		return err
	}
	v := &householdView{Page: s.Page(r, rq, "households.title"), Household: h, MemberForm: mf, HeadForm: hf,
		RegionName: s.RegionNamer(ctx, s.svc.Geo, string(l.Locale()))(h.RegionCode),
		CanEdit:    access.Can(rq.P, access.EditChild, h.Target()) == nil, Relations: relationOptions(l, mf.Values["relation"])}
	v.Flags = householdFlags(l, h)
	if h.IncomeCategory != "" {
		v.IncomeName = incomeName(rq, h.IncomeCategory)
	}
	v.Title, v.Path = l.T("households.number", "ID", l.Digits(kit.Itoa(h.ID))), householdURL(h.ID)
	ms, err := s.svc.People.Members(ctx, rq.P, h.ID)
	if err != nil {
		return err
	}
	today := s.Today(rq)
	for _, m := range ms {
		v.Members = append(v.Members, memberRow{Member: m, Age: ageOf(l, m.Person, today), SexName: sexName(l, m.Person.Sex)})
	}
	// q comes in the page's query, or posted back by an add button whose
	// submission was refused, so the results stay beside the error.
	if v.Query = r.FormValue("q"); v.Query != "" && v.CanEdit {
		found, err := s.svc.People.Search(ctx, rq.P, v.Query, 0)
		if err != nil {
			return err
		}
		var others []people.Person
		for _, p := range found {
			if p.HouseholdID != h.ID {
				others = append(others, p)
			}
		}
		if v.Found, err = s.personRows(ctx, rq, others); err != nil {
			return err
		}
		if err := s.nameHouseholds(ctx, rq, v.Found); err != nil {
			return err
		}
	}
	s.Render(w, status, "household", v)
	return nil
}
