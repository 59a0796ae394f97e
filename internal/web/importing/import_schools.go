package importing

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/imports"
)

// maxChoices is how many organisations each unknown school's list of
// choices offers, the most alike first: enough to find the right one
// without sending every organisation once per school.
const maxChoices = 50

// unknownSchools is what the preview shows of the schools a list names
// that the user knows no organisation of: each once, with its rows, where
// its rows go (an organisation of the user's, or nowhere), and whether the
// user may create them (coordinators and administrators; the others are
// told to ask their coordinator).
type unknownSchools struct {
	List      []schoolRow // the schools whose rows will be refused
	Mapped    []schoolRow // the schools whose rows go to an organisation of the user's
	More      bool        // the list names more than those shown
	Max       int
	MayCreate bool
	// Answers are the preview's answers for the headers, sent again with
	// the schools' form (a form of its own: hundreds of names would not
	// fit in the address of the answers' form).
	Answers []field
}

// schoolRow is an unknown school, the organisation it is mapped to (0 for
// none) and the organisations it may be mapped to.
type schoolRow struct {
	imports.UnknownSchool
	To      int64
	Choices []field // Value is the organisation's id, Name its name
}

// field is a hidden field of a form.
type field struct{ Name, Value string }

// schoolsOf reads the whole of up for its unknown schools.
func (s *Server) schoolsOf(r *http.Request, rq *request, up imports.Upload, a answers) (unknownSchools, error) {
	u := unknownSchools{Max: imports.MaxUnknownSchools}
	list, more, err := s.svc.Imports.UnknownSchools(r.Context(), rq.P, up, a.tpl)
	if err != nil || len(list) == 0 {
		return u, err
	}
	u.More = more
	u.MayCreate = s.svc.Imports.MayCreateSchools(r.Context(), rq.P, up)
	sm, err := s.svc.Imports.SchoolMap(r.Context(), up.ID)
	if err != nil {
		return u, err
	}
	targets, err := s.svc.Imports.MapTargets(r.Context(), rq.P)
	if err != nil {
		return u, err
	}
	for _, us := range list {
		row := schoolRow{UnknownSchool: us, To: sm.To(us.Name)}
		os := slices.Clone(targets)
		imports.SortByLikeness(os, us.Name)
		for i, o := range os {
			if i < maxChoices || o.ID == row.To {
				row.Choices = append(row.Choices, field{o.Name, strconv.FormatInt(o.ID, 10)})
			}
		}
		if row.To != 0 {
			u.Mapped = append(u.Mapped, row)
		} else {
			u.List = append(u.List, row)
		}
	}
	return u, nil
}

// ImportSchoolsCreate saves where the rows of each unknown school go, as
// chosen on the preview: to an organisation of the user's, nowhere, or
// to the school created under the upload's organisation (a coordinator's
// choice); or, with undo, that the rows of that one school go nowhere
// again. Then it shows the preview again.
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
	if u := r.PostForm.Get("undo"); u != "" { // one school's rows are refused again; the other choices wait
		sm := imports.SchoolMap{}
		sm.Map(u, 0)
		if err := s.svc.Imports.MapSchools(r.Context(), rq.P, up, sm); err != nil {
			return err
		}
		s.Flash(r, "imports.school_undone")
		q := url.Values{"template": {a.template}}
		http.Redirect(w, r, uploadURL(up.ID)+"?"+q.Encode(), http.StatusSeeOther)
		return nil
	}
	// school names the schools to create; name and to, in pairs, the
	// choice of each row of the form.
	names, sm := r.PostForm["school"], imports.SchoolMap{}
	to := r.PostForm["to"]
	for i, n := range r.PostForm["name"] {
		c := ""
		if i < len(to) {
			c = to[i]
		}
		switch c {
		case "create":
			names = append(names, n)
			sm.Map(n, 0)
		case "leave", "":
			sm.Map(n, 0)
		default:
			id, err := strconv.ParseInt(c, 10, 64)
			if err != nil {
				return errs.New(errs.Invalid, "error.invalid_choice")
			}
			sm.Map(n, id)
		}
	}
	if err := s.svc.Imports.MapSchools(r.Context(), rq.P, up, sm); err != nil {
		return err
	}
	if len(names) > 0 {
		unknown, _, err := s.svc.Imports.UnknownSchools(r.Context(), rq.P, up, a.tpl)
		if err != nil {
			return err
		}
		if _, err := s.svc.Imports.CreateSchools(r.Context(), rq.P, up.OrgID, unknown, names); err != nil {
			return err
		}
		s.Flash(r, "imports.schools_created")
	} else {
		s.Flash(r, "imports.schools_saved")
	}
	q := url.Values{"template": {a.template}}
	http.Redirect(w, r, uploadURL(up.ID)+"?"+q.Encode(), http.StatusSeeOther)
	return nil
}
