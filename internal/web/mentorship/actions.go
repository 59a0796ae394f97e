package mentorship

import (
	"net/http"

	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/web/kit"
)

// posted handles a form of the {id} mentorship's page: do runs the action
// on the form read from the request; on success the browser goes back to
// the page's section with a flash, on the user's mistake the page comes
// back with the form as typed and its errors.
func (s *Server) posted(w http.ResponseWriter, r *http.Request, rq *request, fields []string, put func(*forms, *form),
	section, flash string, do func(id int64, f *form) error) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, fields...)
	if err := do(id, f); err == nil && len(f.FieldErrs) == 0 && f.Summary == "" {
		s.Flash(r, flash)
		return kit.SeeOther(w, r, pageURL(id, section))
	} else if err != nil && !f.AbsorbInput(rq.L, err) {
		return err
	}
	fs := emptyForms()
	put(&fs, f)
	return s.render(w, r, rq, fs, http.StatusUnprocessableEntity)
}

// LogSession records a session of the {id} mentorship.
func (s *Server) LogSession(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.posted(w, r, rq, sessionFields, func(fs *forms, f *form) { fs.Session = f }, "sessions", "mentorship.session_logged",
		func(id int64, f *form) error {
			in := mentorship.SessionInput{HeldOn: kit.FormDate(rq, f, "held_on"), Minutes: kit.Count(rq, f, "minutes"),
				Format: f.Values["format"], Topic: f.Values["topic"]}
			if len(f.FieldErrs) > 0 {
				return nil
			}
			_, err := s.ships().LogSession(r.Context(), rq.P, id, in)
			return err
		})
}

// AddGoal sets a goal of the {id} mentorship.
func (s *Server) AddGoal(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.posted(w, r, rq, goalFields, func(fs *forms, f *form) { fs.Goal = f }, "goals", "mentorship.goal_added",
		func(id int64, f *form) error {
			in := mentorship.GoalInput{Title: f.Values["title"], TargetOn: kit.FormDate(rq, f, "target_on"),
				Progress: kit.Count(rq, f, "progress"), Steps: kit.Count(rq, f, "steps"), StepsDone: kit.Count(rq, f, "steps_done")}
			if len(f.FieldErrs) > 0 {
				return nil
			}
			_, err := s.ships().AddGoal(r.Context(), rq.P, id, in)
			return err
		})
}

// UpdateGoal moves the {goal} goal of the {id} mentorship on.
func (s *Server) UpdateGoal(w http.ResponseWriter, r *http.Request, rq *request) error {
	goalID, err := kit.FormID(r.PathValue("goal"))
	if err != nil {
		return err
	}
	return s.posted(w, r, rq, append(rowFields, "title", "target_on", "steps"), func(fs *forms, f *form) { fs.Row = rowSummary(f) },
		"goals", "mentorship.goal_updated", func(id int64, f *form) error {
			in := mentorship.GoalInput{Title: f.Values["title"], TargetOn: kit.FormDate(rq, f, "target_on"),
				Progress: kit.Count(rq, f, "progress"), Steps: kit.Count(rq, f, "steps"),
				StepsDone: kit.Count(rq, f, "steps_done"), Status: mentorship.GoalStatus(f.Values["status"])}
			if len(f.FieldErrs) > 0 {
				return nil
			}
			_, err := s.ships().UpdateGoal(r.Context(), rq.P, id, goalID, formVersion(f), in)
			return err
		})
}

// GiveFeedback records the mentor's feedback on the {session} session of
// the {id} mentorship.
func (s *Server) GiveFeedback(w http.ResponseWriter, r *http.Request, rq *request) error {
	sessionID, err := kit.FormID(r.PathValue("session"))
	if err != nil {
		return err
	}
	return s.posted(w, r, rq, rowFields, func(fs *forms, f *form) { fs.Row = rowSummary(f) }, "sessions",
		"mentorship.feedback_given", func(id int64, f *form) error {
			rating := kit.Count(rq, f, "rating")
			if len(f.FieldErrs) > 0 {
				return nil
			}
			_, err := s.ships().MentorFeedback(r.Context(), rq.P, id, sessionID, rating, f.Values["comment"])
			return err
		})
}

// ReportConcern reports a safeguarding concern about the {id} mentorship.
func (s *Server) ReportConcern(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.posted(w, r, rq, concernFields, func(fs *forms, f *form) { fs.Concern = f }, "safeguarding",
		"mentorship.concern_reported", func(id int64, f *form) error {
			_, err := s.ships().ReportConcern(r.Context(), rq.P, id, f.Values["body"])
			return err
		})
}

// End completes the {id} mentorship or ends it early with a reason.
func (s *Server) End(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.posted(w, r, rq, endFields, func(fs *forms, f *form) { fs.End = f }, "end", "mentorship.ended",
		func(id int64, f *form) error {
			_, err := s.ships().End(r.Context(), rq.P, id, mentorship.Status(f.Values["outcome"]), f.Values["reason"])
			if err != nil && f.AbsorbInput(rq.L, err) {
				f.Move("status", "outcome") // the service names the new status
				return nil
			}
			return err
		})
}

// rowSummary turns a row form's field errors into its summary: a row's
// inputs carry no ids of their own to point at.
func rowSummary(f *form) *form {
	for _, msg := range f.FieldErrs {
		if f.Summary == "" {
			f.Summary = msg
		}
	}
	f.FieldErrs = map[string]string{}
	return f
}
