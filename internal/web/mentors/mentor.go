package mentors

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/web/kit"
)

// mentorView is a mentor's page: the profile, the school, whether they
// may take a young person now and why not, and — for a coordinator — the
// decision on the application and the vetting's form.
type mentorView struct {
	Page
	Card       mentoring.Card
	FieldNames map[string]string
	Adults     string // why not, "" when they may
	Minors     string
	CanManage  bool
	Own        bool // the mentor's own page
	Decision   *form
	Vetting    *form
	Login      *form // a login given to an approved mentor
}

var vettingFields = []string{"vetting", "vetting_document", "vetted_on", "vetting_expires", "vetted_by"}

// Mentor shows the {id} mentor's page.
func (s *Server) Mentor(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderMentor(w, r, rq, nil, nil, nil, http.StatusOK)
}

func (s *Server) renderMentor(w http.ResponseWriter, r *http.Request, rq *request, decision, vetting, login *form,
	status int) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	c, err := s.svc.Mentoring.Card(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	v, err := s.mentorView(r, rq, c)
	if err != nil {
		return err
	}
	v.CanManage = access.Can(rq.P, access.ManageMentors, c.Mentor.Target()) == nil
	v.Decision, v.Vetting, v.Login = decision, vetting, login
	if v.Login == nil {
		v.Login = kit.NewForm(nil, loginFields...)
		v.Login.Values["email"] = c.Mentor.Email
	}
	if v.Decision == nil {
		v.Decision = kit.NewForm(nil, "reason")
	}
	if v.Vetting == nil {
		v.Vetting = kit.NewForm(nil, vettingFields...)
		vt := c.Mentor.Vetting
		v.Vetting.Values["vetting_document"], v.Vetting.Values["vetted_by"] = vt.Document, vt.CheckedBy
		v.Vetting.Values["vetted_on"], v.Vetting.Values["vetting_expires"] = isoDay(vt.On), isoDay(vt.Expires)
	}
	s.Render(w, status, "mentor", v)
	return nil
}

// Mine shows the logged-in mentor their own page.
func (s *Server) Mine(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := s.svc.Mentoring.MyCard(r.Context(), rq.P)
	if err != nil {
		return err
	}
	v, err := s.mentorView(r, rq, c)
	if err != nil {
		return err
	}
	v.Own, v.Title = true, rq.L.T("mentors.mine_title")
	s.Render(w, http.StatusOK, "mentor", v)
	return nil
}

func (s *Server) mentorView(r *http.Request, rq *request, c mentoring.Card) (*mentorView, error) {
	v := &mentorView{Page: s.Page(r, rq, "nav.mentors"), Card: c, FieldNames: map[string]string{},
		Adults: reason(rq.L, c.Adults), Minors: reason(rq.L, c.Minors)}
	v.Title = c.Mentor.Name
	fields, err := s.svc.Mentoring.Fields(r.Context())
	for _, fd := range fields {
		v.FieldNames[fd.Code] = fd.Name(string(rq.L.Locale()))
	}
	return v, err
}

// Decide approves or rejects the {id} mentor's application; a rejection
// without its reason comes back with the error beside the field.
func (s *Server) Decide(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "reason", "version", "decision")
	version, _ := strconv.Atoi(f.Values["version"])
	approve := f.Values["decision"] == "approve"
	_, err = s.svc.Mentoring.Decide(r.Context(), rq.P, id, version, approve, f.Values["reason"])
	if err == nil {
		s.Flash(r, map[bool]string{true: "mentors.approved", false: "mentors.rejected"}[approve])
		return kit.SeeOther(w, r, "/mentors/"+kit.Itoa(id))
	}
	if !f.AbsorbInput(rq.L, err) {
		return err
	}
	return s.renderMentor(w, r, rq, f, nil, nil, http.StatusUnprocessableEntity)
}

// SetVetting changes the {id} mentor's vetting for work with minors.
func (s *Server) SetVetting(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, append(vettingFields, "version")...)
	version, _ := strconv.Atoi(f.Values["version"])
	vt := mentoring.Vetting{Document: f.Values["vetting_document"], CheckedBy: f.Values["vetted_by"],
		On: kit.FormDate(rq, f, "vetted_on"), Expires: kit.FormDate(rq, f, "vetting_expires")}
	if len(f.FieldErrs) == 0 {
		_, err = s.svc.Mentoring.SetVetting(r.Context(), rq.P, id, version, vt)
		if err == nil {
			s.Flash(r, "mentors.vetting_saved")
			return kit.SeeOther(w, r, "/mentors/"+kit.Itoa(id))
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderMentor(w, r, rq, nil, f, nil, http.StatusUnprocessableEntity)
}

// isoDay is a day as a date input shows it; "" for none.
func isoDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
