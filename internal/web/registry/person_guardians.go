package registry

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/web/kit"
)

// guardiansView is the page that manages a child's guardians outside the
// Household: the list with a remove button each, a search for a guardian
// Person, and the form that names an institution.
type guardiansView struct {
	Page
	Person          people.Person
	Guardians       []people.Guardianship
	PersonForm      *form // a person, found by search or by record number
	OrgForm         *form // an institution
	Query           string
	Found           []personRow
	PersonRelations []option
	OrgRelations    []option
	Institutions    []option
}

// guardianFields are the fields of the forms that add a guardian; a form
// posts a person or an organisation, never both.
var guardianFields = []string{"person", "org", "relation", "since", "org-relation", "org-since"}

// Guardians shows the {id} child's guardians; ?q= searches for a person to
// name as one.
func (s *Server) Guardians(w http.ResponseWriter, r *http.Request, rq *request) error {
	pf, of := kit.NewForm(nil, guardianFields...), kit.NewForm(nil, guardianFields...)
	pf.Values["relation"], of.Values["relation"] = string(people.Custody), string(people.Institution)
	return s.renderGuardians(w, r, rq, pf, of, http.StatusOK)
}

// GuardianAdd records a guardian of the {id} child: a registered person or
// an institution, with the form of guardianship and since when.
func (s *Server) GuardianAdd(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, guardianFields...)
	in := people.GuardianInput{Relation: people.GuardianRelation(f.Values["relation"]), Since: kit.FormDate(rq, f, "since")}
	who := "person"
	if f.Values["org"] != "" {
		who = "org"
		in.OrgID = kit.FilterID(rq, f, "org")
	} else if f.Values["person"] = text.NormalizeDigits(f.Values["person"]); f.Values["person"] == "" {
		f.Fail(rq.L, "person", "error.required", "Field", rq.L.T("field.person"))
	} else {
		in.PersonID = kit.FilterID(rq, f, "person")
	}
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.People.AddGuardian(r.Context(), rq.P, id, in)
		if err == nil {
			s.Flash(r, "people.guardian_added")
			return kit.SeeOther(w, r, guardiansURL(id))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
		// The service names the guardian as one field; the page has two.
		f.Move("guardian", who)
	}
	if who == "person" {
		of := kit.NewForm(nil, guardianFields...)
		of.Values["relation"] = string(people.Institution)
		return s.renderGuardians(w, r, rq, f, of, http.StatusUnprocessableEntity)
	}
	// The institution's form has its own ids, apart from the person's.
	f.Move("relation", "org-relation")
	f.Move("since", "org-since")
	pf := kit.NewForm(nil, guardianFields...)
	pf.Values["relation"] = string(people.Custody)
	return s.renderGuardians(w, r, rq, pf, f, http.StatusUnprocessableEntity)
}

// GuardianRemove ends guardianship {guardian} of the {id} child.
func (s *Server) GuardianRemove(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	g, err := strconv.ParseInt(r.PathValue("guardian"), 10, 64)
	if err != nil || g <= 0 {
		return kit.ErrNotFound
	}
	if err := s.svc.People.RemoveGuardian(r.Context(), rq.P, id, g); err != nil {
		return err
	}
	s.Flash(r, "people.guardian_removed")
	return kit.SeeOther(w, r, guardiansURL(id))
}

// renderGuardians shows the {id} child's guardians page with pf and of as
// its person and institution forms.
func (s *Server) renderGuardians(w http.ResponseWriter, r *http.Request, rq *request, pf, of *form, status int) error {
	ctx, l := r.Context(), rq.L
	p, err := s.editedPerson(r, rq)
	if err != nil {
		return err
	}
	v := &guardiansView{Page: s.Page(r, rq, "people.manage_guardians"), Person: p, PersonForm: pf, OrgForm: of}
	v.Path = guardiansURL(p.ID)
	if v.Guardians, err = s.svc.People.Guardians(ctx, rq.P, p.ID); err != nil {
		return err
	}
	label := kit.Key[people.GuardianRelation](l, "guardianship.")
	v.PersonRelations = kit.Choices(people.GuardianRelations(), pf.Values["relation"], "", label)
	v.OrgRelations = kit.Choices(people.GuardianRelations(), of.Values["relation"], "", label)
	if v.Institutions, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, of.Values["org"], l.T("people.choose_institution"), 0); err != nil {
		return err
	}
	if len(v.Institutions) == 0 || v.Institutions[0].Value != "" {
		v.Institutions = append([]option{{Label: l.T("people.choose_institution"), Selected: of.Values["org"] == ""}}, v.Institutions...)
	}
	// q comes in the page's query, or posted back by an add button whose
	// submission was refused, so the results stay beside the error.
	if v.Query = r.FormValue("q"); v.Query != "" {
		found, err := s.svc.People.Search(ctx, rq.P, v.Query, 0)
		if err != nil {
			return err
		}
		var others []people.Person
		for _, o := range found {
			if o.ID != p.ID {
				others = append(others, o)
			}
		}
		if v.Found, err = s.personRows(ctx, rq, others); err != nil {
			return err
		}
		if err := s.nameHouseholds(ctx, rq, v.Found); err != nil {
			return err
		}
	}
	s.Render(w, status, "person_guardians", v)
	return nil
}

func guardiansURL(id int64) string { return personURL(id) + "/guardians" }
