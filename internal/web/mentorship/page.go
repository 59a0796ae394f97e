package mentorship

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/web/kit"
)

// The fields of the page's forms, in page order.
var (
	sessionFields  = []string{"held_on", "minutes", "format", "topic"}
	goalFields     = []string{"title", "target_on", "progress", "steps", "steps_done"}
	concernFields  = []string{"body"}
	endFields      = []string{"outcome", "reason"}
	rowFields      = []string{"rating", "comment", "progress", "steps_done", "status", "version"}
	formatsOffered = []string{mentorship.InPerson, mentorship.Online}
)

// forms are the page's forms, one per section; a posted one comes back
// with the user's input and errors, the others empty.
type forms struct {
	Session, Goal, Concern, End *form
	Row                         *form // a goal's or a session's row form: its errors show as a summary
}

func emptyForms() forms {
	return forms{Session: kit.NewForm(nil, sessionFields...), Goal: kit.NewForm(nil, goalFields...),
		Concern: kit.NewForm(nil, concernFields...), End: kit.NewForm(nil, endFields...), Row: kit.NewForm(nil, rowFields...)}
}

// sessionRow is a session with the feedback of both sides.
type sessionRow struct {
	mentorship.Session
	Mentor, Youth *mentorship.Feedback
}

// pageView is one mentorship with its work and forms.
type pageView struct {
	Page
	forms
	M         mentorship.Mentorship
	Sessions  []sessionRow
	Goals     []mentorship.Goal
	Hours     float64
	Active    bool
	CanWork   bool // log sessions, set goals, end
	IsMentor  bool // gives the mentor's feedback
	CanReport bool
	Formats   []option
	Outcomes  []option
	GoalSteps []mentorship.GoalStatus
	Today     string
}

// Mentorship shows the {id} mentorship.
func (s *Server) Mentorship(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.render(w, r, rq, emptyForms(), http.StatusOK)
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, rq *request, fs forms, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	m, err := s.ships().Get(ctx, rq.P, id, "web")
	if err != nil {
		return err
	}
	work, err := s.ships().WorkOf(ctx, rq.P, id)
	if err != nil {
		return err
	}
	v := pageView{Page: s.Page(r, rq, "mentorship.title"), forms: fs, M: m, Goals: work.Goals,
		Hours: mentorship.Hours(work.Minutes()), Active: m.Status == mentorship.Active,
		IsMentor: rq.P.Role == access.Mentor, CanReport: access.Allowed(rq.P, access.ReportConcerns),
		GoalSteps: mentorship.GoalStatuses(), Today: s.Today(rq).Format("2006-01-02")}
	v.Title = m.YouthName + " · " + m.MentorName
	v.CanWork = v.Active && (v.IsMentor || access.Can(rq.P, access.WorkMentorships, m.Target()) == nil)
	byID := map[int64]*sessionRow{}
	for _, x := range work.Sessions {
		v.Sessions = append(v.Sessions, sessionRow{Session: x})
	}
	for i := range v.Sessions {
		byID[v.Sessions[i].ID] = &v.Sessions[i]
	}
	for _, f := range work.Feedback {
		if row := byID[f.SessionID]; row != nil {
			if f.Author == mentorship.ByMentor {
				row.Mentor = &f
			} else {
				row.Youth = &f
			}
		}
	}
	v.Formats = kit.Choices(formatsOffered, fs.Session.Values["format"], "", kit.Key[string](rq.L, "mentorship.format."))
	v.Outcomes = kit.Choices([]mentorship.Status{mentorship.Completed, mentorship.EndedEarly}, fs.End.Values["outcome"], "",
		kit.Key[mentorship.Status](rq.L, "mentorship.status."))
	s.Render(w, status, "mentorship", &v)
	return nil
}

// formVersion reads the hidden version of a row form.
func formVersion(f *form) int {
	n, _ := strconv.Atoi(f.Values["version"])
	return n
}
