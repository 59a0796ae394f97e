package importing

import (
	"net/http"
	"net/url"

	"github.com/jolproject/jol/internal/imports"
)

// unknownSchools is what the preview shows of the schools a list names
// that the user knows no organisation of: each once, with its rows, and
// whether the user may create them (coordinators and administrators; the
// others are told to ask their coordinator).
type unknownSchools struct {
	List      []imports.UnknownSchool
	More      bool // the list names more than those shown
	Max       int
	MayCreate bool
	// Answers are the preview's answers for the headers, sent again with
	// the schools' form (a form of its own: hundreds of names would not
	// fit in the address of the answers' form).
	Answers []field
}

// field is a hidden field of a form.
type field struct{ Name, Value string }

// schoolsOf reads the whole of up for its unknown schools.
func (s *Server) schoolsOf(r *http.Request, rq *request, up imports.Upload, a answers) (unknownSchools, error) {
	u := unknownSchools{Max: imports.MaxUnknownSchools}
	var err error
	if u.List, u.More, err = s.svc.Imports.UnknownSchools(r.Context(), rq.P, up, a.tpl); err != nil || len(u.List) == 0 {
		return u, err
	}
	u.MayCreate = s.svc.Imports.MayCreateSchools(r.Context(), rq.P, up)
	return u, nil
}

// ImportSchoolsCreate registers the unknown schools ticked on the preview
// under the upload's organisation, and shows the preview again.
func (s *Server) ImportSchoolsCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	up, err := s.routeUpload(r, rq)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	a, err := s.importAnswers(r, rq, up, r.PostForm, false)
	if err != nil {
		return err
	}
	unknown, _, err := s.svc.Imports.UnknownSchools(r.Context(), rq.P, up, a.tpl)
	if err != nil {
		return err
	}
	names := r.PostForm["school"]
	if names == nil {
		names = []string{} // none ticked creates none
	}
	if _, err := s.svc.Imports.CreateSchools(r.Context(), rq.P, up.OrgID, unknown, names); err != nil {
		return err
	}
	s.Flash(r, "imports.schools_created")
	q := url.Values{"template": {a.template}}
	http.Redirect(w, r, uploadURL(up.ID)+"?"+q.Encode(), http.StatusSeeOther)
	return nil
}
