package registry

import (
	"net/http"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"

	"github.com/jolproject/jol/internal/web/guidance"
	"github.com/jolproject/jol/internal/web/kit"
)

// personView is a person's page: their record, household, guardians,
// categories with evidence and consents, with the small forms that record
// a consent and add a category.
type personView struct {
	Page
	Person       people.Person
	Age          string
	SexName      string
	RegionName   string
	Languages    string
	Guardians    []people.Guardianship
	Categories   []categoryRow
	Consents     []consentRow
	CanEdit      bool
	ConsentForm  *form
	CategoryForm *form
	Purposes     []option
	Methods      []option
	CategoryList []option
	Guidance     guidance.Section // assessments and placements
	ShowPhoto    bool
	Merges       []mergeRow
	CanUndo      bool // an administrator may undo a merge
}

// mergeRow is a merge the person's record took part in; Kept says it was
// the record kept.
type mergeRow struct {
	people.Merge
	Kept bool
}

// categoryRow is a category of the person, named in the viewer's language.
type categoryRow struct {
	people.Assignment
	Name    string
	Expired bool
}

// consentRow is the consent in force for one purpose; Consent is nil
// when there is none.
type consentRow struct {
	Purpose people.Purpose
	Consent *people.Consent
}

// Person shows a person's record; opening it writes the access log.
func (s *Server) Person(w http.ResponseWriter, r *http.Request, rq *request) error {
	p, err := s.viewedPerson(r, rq)
	if err != nil {
		return err
	}
	return s.renderPerson(w, r, rq, p, kit.NewForm(nil, consentFields...), kit.NewForm(nil, categoryFields...), http.StatusOK)
}

// viewedPerson reads the {id} person through the web, which writes the
// access log; Get checks that the user may see them.
func (s *Server) viewedPerson(r *http.Request, rq *request) (people.Person, error) {
	id, err := kit.PathID(r)
	if err != nil {
		return people.Person{}, err
	}
	return s.svc.People.Get(r.Context(), rq.P, id, people.ViaWeb)
}

// renderPerson shows p's page with cf and kf as its consent and category
// forms (carrying a rejected submission's values and errors).
func (s *Server) renderPerson(w http.ResponseWriter, r *http.Request, rq *request, p people.Person, cf, kf *form, status int) error {
	ctx, l := r.Context(), rq.L
	loc := string(l.Locale())
	today := s.Today(rq)
	v := &personView{Page: s.Page(r, rq, "people.title"), Person: p, Age: ageOf(l, p, today), SexName: sexName(l, p.Sex),
		RegionName: s.RegionNamer(ctx, s.svc.Geo, loc)(p.RegionCode), ConsentForm: cf, CategoryForm: kf,
		CanEdit: access.Can(rq.P, access.EditChild, p.Target()) == nil && p.MergedInto == 0}
	v.CanUndo = rq.P.Role == access.Admin && access.Can(rq.P, access.EditChild, p.Target()) == nil
	v.Title, v.Path = p.FullName(), personURL(p.ID)
	names := make([]string, len(p.Languages))
	for i, c := range p.Languages {
		names[i] = kit.LangName(c)
	}
	v.Languages = strings.Join(names, l.T("common.list_separator"))
	var err error
	if v.Guardians, err = s.svc.People.Guardians(ctx, rq.P, p.ID); err != nil {
		return err
	}
	as, err := s.svc.People.Assignments(ctx, rq.P, p.ID)
	if err != nil {
		return err
	}
	for _, a := range as {
		v.Categories = append(v.Categories, categoryRow{Assignment: a, Name: a.Category.Name(loc), Expired: a.Expired(today)})
	}
	active, err := s.svc.People.ActiveConsents(ctx, rq.P, p.ID)
	if err != nil {
		return err
	}
	for _, pur := range people.Purposes() {
		row := consentRow{Purpose: pur}
		if c, ok := active[pur]; ok {
			row.Consent = &c
		}
		v.Consents = append(v.Consents, row)
	}
	v.ShowPhoto = showsPhoto(p, active)
	merges, err := s.svc.People.Merges(ctx, rq.P, p.ID)
	if err != nil {
		return err
	}
	for _, m := range merges {
		v.Merges = append(v.Merges, mergeRow{Merge: m, Kept: m.KeepID == p.ID})
	}
	if v.CanEdit {
		v.Purposes = kit.Choices(people.Purposes(), cf.Values["purpose"], "", kit.Key[people.Purpose](l, "consentpurpose."))
		v.Methods = kit.Choices(people.Methods(), cf.Values["method"], "", kit.Key[people.Method](l, "consentmethod."))
		if v.CategoryList, err = s.categoryOptions(ctx, rq, kf.Values["category"], l.T("people.choose_category"), true); err != nil {
			return err
		}
	}
	if v.Guidance, err = s.guidance.SectionOf(ctx, rq, p, v.CanEdit, nil); err != nil {
		return err
	}
	s.Render(w, status, "person", v)
	return nil
}
