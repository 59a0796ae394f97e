package mentors

import (
	"net/http"

	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/web/kit"
)

var fieldFields = []string{"code", "name_en", "name_kk", "name_ru", "name_fr", "name_fa", "position", "active"}

// fieldsView is the list of fields of expertise, each in a form that
// renames it in the five languages or deactivates it, and the form that
// adds one.
type fieldsView struct {
	Page
	Rows   []fieldRow
	New    *form
	Failed string // the code whose form came back with errors
}

type fieldRow struct {
	Field mentoring.Field
	Form  *form
}

// Fields shows the fields of expertise.
func (s *Server) Fields(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderFields(w, r, rq, nil, http.StatusOK)
}

func (s *Server) renderFields(w http.ResponseWriter, r *http.Request, rq *request, failed *form, status int) error {
	list, err := s.svc.Mentoring.Fields(r.Context())
	if err != nil {
		return err
	}
	v := fieldsView{Page: s.Page(r, rq, "mentors.fields_title"), New: kit.NewForm(nil, fieldFields...)}
	v.New.Values["active"] = "1"
	v.New.Values["position"] = kit.Itoa(int64(len(list) + 1))
	if failed != nil && failed.Values["existing"] == "" {
		v.New = failed
	}
	for _, fd := range list {
		f := kit.NewForm(nil, fieldFields...)
		if failed != nil && failed.Values["existing"] == fd.Code {
			f = failed
		} else {
			f.Values = map[string]string{"code": fd.Code, "name_en": fd.NameEN, "name_kk": fd.NameKK,
				"name_ru": fd.NameRU, "name_fr": fd.NameFR, "name_fa": fd.NameFA, "position": kit.Itoa(int64(fd.Position))}
			if fd.Active {
				f.Values["active"] = "1"
			}
		}
		v.Rows = append(v.Rows, fieldRow{Field: fd, Form: f})
	}
	s.Render(w, status, "mentor_fields", &v)
	return nil
}

// FieldSave adds a field of expertise or renames, reorders, deactivates
// or reactivates the one of its code.
func (s *Server) FieldSave(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, append(fieldFields, "existing")...)
	if f.Values["existing"] != "" {
		f.Values["code"] = f.Values["existing"]
	}
	fd := mentoring.Field{Code: f.Values["code"], NameEN: f.Values["name_en"], NameKK: f.Values["name_kk"],
		NameRU: f.Values["name_ru"], NameFR: f.Values["name_fr"], NameFA: f.Values["name_fa"],
		Active: f.Values["active"] != "", Position: kit.Count(rq, f, "position")}
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Mentoring.SaveField(r.Context(), rq.P, fd)
		if err == nil {
			s.Flash(r, "mentors.field_saved")
			return kit.SeeOther(w, r, "/mentors/fields")
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderFields(w, r, rq, f, http.StatusUnprocessableEntity)
}
