package desk

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/web/kit"
)

// answerFields are the fields of the answer form.
var answerFields = []string{"outcome", "answer", "close", "version"}

// appealView is one appeal with its answer, or the form to answer it.
type appealView struct {
	Page
	A           row
	StatusName  string
	OutcomeName string
	CanRecord   bool
	Mine        bool
	Form        *form
	LinkForm    *form    // linking a request by its reference number
	AssignForm  *form    // giving it to a colleague
	Assignees   []option // who may be given it to answer
	Outcomes    []option
	Query       string
	Found       []found
	Capped      string
}

// Appeal shows the {id} appeal. Reading it is written to the access log
// when it names a person.
func (s *Server) Appeal(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderAppeal(w, r, rq, kit.NewForm(nil, answerFields...), http.StatusOK)
}

func (s *Server) renderAppeal(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	return s.renderAppealForms(w, r, rq, appealForms{answer: f}, status)
}

// appealForms are the forms of an appeal's page as posted; nil ones start
// empty.
type appealForms struct {
	answer, link, assign *form
}

// renderAppealForms renders the {id} appeal with its forms: the answer,
// linking a request by its number, and giving it to a colleague.
func (s *Server) renderAppealForms(w http.ResponseWriter, r *http.Request, rq *request, fs appealForms, status int) error {
	f, lf, af := fs.answer, fs.link, fs.assign
	if f == nil {
		f = kit.NewForm(nil, answerFields...)
	}
	if lf == nil {
		lf = kit.NewForm(nil, "reference")
	}
	if af == nil {
		af = kit.NewForm(nil, assignFields...)
	}
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	a, err := s.svc.Appeals.Get(ctx, rq.P, id, "web")
	if err != nil {
		return err
	}
	rows, err := s.rows(r, rq, []appeals.Appeal{a})
	if err != nil {
		return err
	}
	v := appealView{Page: s.Page(r, rq, "desk.appeal"), A: rows[0], Form: f, LinkForm: lf, AssignForm: af,
		StatusName: rq.L.T("appealstatus." + string(a.Status)), CanRecord: access.Can(rq.P, access.RecordAppeals, a.Target()) == nil,
		Mine: a.AssigneeID == rq.P.UserID}
	if a.Outcome != "" {
		v.OutcomeName = rq.L.T("appealoutcome." + string(a.Outcome))
	}
	v.Title = rq.L.T("desk.appeal_title", "ID", strconv.FormatInt(a.ID, 10))
	if f.Values["version"] == "" {
		f.Values["version"] = strconv.Itoa(a.Version)
	}
	v.Outcomes = outcomeOptions(rq, f.Values["outcome"])
	if v.CanRecord && a.Status == appeals.Open {
		if v.Assignees, err = s.assignees(r, rq, a, af); err != nil {
			return err
		}
	}
	if v.CanRecord {
		v.Query = r.FormValue("q")
		if v.Query != "" {
			if v.Found, v.Capped, err = s.search(ctx, rq, v.Query, kit.NewForm(nil)); err != nil {
				return err
			}
		}
	}
	s.Render(w, status, "appeal", &v)
	return nil
}

// AppealAnswer records the answer to the {id} appeal.
func (s *Server) AppealAnswer(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, answerFields...)
	version, _ := strconv.Atoi(f.Values["version"])
	in := appeals.AnswerInput{Outcome: appeals.Outcome(f.Values["outcome"]), Answer: r.PostFormValue("answer"),
		Close: f.Values["close"] != "", Version: version}
	if _, err := s.svc.Appeals.Answer(r.Context(), rq.P, id, in); err == nil {
		s.Flash(r, "desk.answered")
		return kit.SeeOther(w, r, deskURL(id))
	} else if !f.Absorb(rq.L, err) {
		return err
	}
	f.Values["version"] = "" // the page shows the appeal as it now stands
	return s.renderAppeal(w, r, rq, f, http.StatusUnprocessableEntity)
}

// AppealClose closes the {id} appeal once answered.
func (s *Server) AppealClose(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	if _, err := s.svc.Appeals.Close(r.Context(), rq.P, id, version); err != nil {
		f := kit.NewForm(nil, answerFields...)
		if !f.Absorb(rq.L, err) {
			return err
		}
		return s.renderAppeal(w, r, rq, f, http.StatusConflict)
	}
	s.Flash(r, "desk.closed")
	return kit.SeeOther(w, r, deskURL(id))
}

// AppealTake assigns the {id} appeal to the user.
func (s *Server) AppealTake(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Appeals.Assign(r.Context(), rq.P, id, rq.P.UserID); err != nil {
		return err
	}
	s.Flash(r, "desk.taken")
	return kit.SeeOther(w, r, deskURL(id))
}

// AppealLink links to the {id} appeal the person whose button was
// pressed (found by the search on the appeal's page), or the request whose
// reference number was typed.
func (s *Server) AppealLink(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	if r.PostFormValue("person") == "" {
		lf := kit.NewForm(r, "reference")
		if _, err := s.svc.Appeals.LinkReference(r.Context(), rq.P, id, lf.Values["reference"]); err != nil {
			if !lf.Absorb(rq.L, err) {
				return err
			}
			return s.renderAppealForms(w, r, rq, appealForms{link: lf}, http.StatusUnprocessableEntity)
		}
		s.Flash(r, "desk.request_linked")
		return kit.SeeOther(w, r, deskURL(id))
	}
	person := idOf(r.PostFormValue("person"))
	if _, err := s.svc.Appeals.Link(r.Context(), rq.P, id, []int64{person}, nil); err != nil {
		f := kit.NewForm(nil, answerFields...)
		if !f.Absorb(rq.L, err) {
			return err
		}
		return s.renderAppeal(w, r, rq, f, http.StatusUnprocessableEntity)
	}
	s.Flash(r, "desk.linked")
	return kit.SeeOther(w, r, deskURL(id))
}
