package registry

import (
	"net/http"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// PersonEdit shows the form that edits a person's record.
func (s *Server) PersonEdit(w http.ResponseWriter, r *http.Request, rq *request) error {
	p, err := s.editedPerson(r, rq)
	if err != nil {
		return err
	}
	v := &personFormView{Page: s.Page(r, rq, "people.edit"), Person: &p, Form: personFormOf(p)}
	return s.renderPersonForm(w, r, rq, v, http.StatusOK)
}

// PersonUpdate saves the edit form and returns to the person's page.
func (s *Server) PersonUpdate(w http.ResponseWriter, r *http.Request, rq *request) error {
	p, err := s.editedPerson(r, rq)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, personFields...)
	v := &personFormView{Page: s.Page(r, rq, "people.edit"), Person: &p, Form: f}
	if in, ok := personInput(r, rq, f); ok {
		_, err := s.svc.People.Update(r.Context(), rq.P, p.ID, in)
		if err == nil {
			s.Flash(r, "flash.saved")
			http.Redirect(w, r, personURL(p.ID), http.StatusSeeOther)
			return nil
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
		v.Duplicate = duplicateOf(err)
	}
	return s.renderPersonForm(w, r, rq, v, http.StatusUnprocessableEntity)
}

// editedPerson reads the {id} person once the user may edit their record.
func (s *Server) editedPerson(r *http.Request, rq *request) (people.Person, error) {
	p, err := s.viewedPerson(r, rq)
	if err != nil {
		return p, err
	}
	return p, access.Can(rq.P, access.EditChild, p.Target())
}

// renderPersonForm fills the choices of the form and shows it.
func (s *Server) renderPersonForm(w http.ResponseWriter, r *http.Request, rq *request, v *personFormView, status int) error {
	ctx, l, f := r.Context(), rq.L, v.Form.Values
	var err error
	if v.Orgs, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, f["org_id"], l.T("common.none"), 0); err != nil {
		return err
	}
	if v.Regions, err = kit.RegionSuggestions(ctx, s.svc.Geo, s.svc.Orgs, rq); err != nil {
		return err
	}
	v.Sexes = sexOptions(l, f["sex"])
	v.IDKinds = kit.Choices([]string{people.IDKindIIN, people.IDKindIR, people.IDKindOther}, f["id_kind"], l.T("people.id_detect"),
		kit.Key[string](l, "idkind."))
	v.Grades = gradeOptions(l, f["grade"], l.T("people.no_grade"))
	v.Statuses = statusOptions(l, f["status"], l.T("common.not_recorded"))
	langs := strings.Split(f["languages"], ",")
	var other []string
	for _, c := range langs {
		if c != "" && !slices.Contains(checkedLanguages, strings.ToLower(c)) {
			other = append(other, c)
		}
	}
	for _, c := range checkedLanguages {
		v.Languages = append(v.Languages, option{Value: c, Label: kit.LangName(c), Selected: slices.Contains(langs, c)})
	}
	v.OtherLanguages = strings.Join(other, ", ")
	if v.Person != nil {
		v.Path = personURL(v.Person.ID) + "/edit"
	}
	s.Render(w, status, "person_form", v)
	return nil
}
