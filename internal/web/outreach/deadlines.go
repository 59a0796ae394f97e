package outreach

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/web/kit"
)

// deadlinesView is the settings page of the steps' deadlines.
type deadlinesView struct {
	Page
	Form   *form
	Fields []string // the form's fields, one per step with a deadline
	Max    int
}

// deadlineSteps are the steps whose days are set here, in order; the
// attendance checks fall by months after enrolment instead.
var deadlineSteps = []outreach.Step{outreach.Identified, outreach.Contacted, outreach.Support}

func daysField(st outreach.Step) string { return "days_" + string(st) }

// Deadlines shows the calendar days each step is given.
func (s *Server) Deadlines(w http.ResponseWriter, r *http.Request, rq *request) error {
	ds, err := s.svc.Outreach.Deadlines(r.Context(), rq.P)
	if err != nil {
		return err
	}
	f := kit.NewForm(nil)
	for _, st := range deadlineSteps {
		f.Values[daysField(st)] = strconv.Itoa(ds[st])
	}
	return s.renderDeadlines(w, r, rq, f, http.StatusOK)
}

func (s *Server) renderDeadlines(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	v := deadlinesView{Page: s.Page(r, rq, "outreach.deadlines"), Form: f, Max: outreach.MaxDays}
	for _, st := range deadlineSteps {
		v.Fields = append(v.Fields, daysField(st))
	}
	s.Render(w, status, "deadlines", &v)
	return nil
}

// DeadlinesSave sets the days of the steps; a value that is not a whole
// number from 1 to outreach.MaxDays is refused with the others kept.
func (s *Server) DeadlinesSave(w http.ResponseWriter, r *http.Request, rq *request) error {
	fields := make([]string, len(deadlineSteps))
	for i, st := range deadlineSteps {
		fields[i] = daysField(st)
	}
	f := kit.NewForm(r, fields...)
	ds := map[outreach.Step]int{}
	for _, st := range deadlineSteps {
		n, err := strconv.Atoi(f.Values[daysField(st)])
		if err != nil {
			n = 0 // refused by the service with the field named
		}
		ds[st] = n
	}
	if err := s.svc.Outreach.SetDeadlines(r.Context(), rq.P, ds); err != nil {
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
		return s.renderDeadlines(w, r, rq, f, http.StatusUnprocessableEntity)
	}
	s.Flash(r, "outreach.deadlines_saved")
	return kit.SeeOther(w, r, "/outreach/deadlines")
}
