package api

import (
	"net/http"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/text"
)

// listMentorships is a page of the mentorships the caller sees, newest
// first: ?status=, ?region= (a code, with the regions below it),
// ?mentor_id=.
func (a *API) listMentorships(w http.ResponseWriter, r *http.Request, rq *request) error {
	mentor, err := queryID(r, "mentor_id")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	rows, next, err := a.svc.Mentorship.List(r.Context(), rq.p, mentorship.Filter{Status: mentorship.Status(q.Get("status")),
		Region: q.Get("region"), MentorID: mentor}, page(r))
	if err != nil {
		return err
	}
	return writeList(w, rows, next)
}

// mentorshipBody is a mentorship with its sessions, goals and feedback.
type mentorshipBody struct {
	mentorship.Mentorship
	mentorship.Work
}

// getMentorship is one mentorship with its work; it writes the access log.
func (a *API) getMentorship(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	m, err := a.svc.Mentorship.Get(r.Context(), rq.p, id, "api")
	if err != nil {
		return err
	}
	work, err := a.svc.Mentorship.WorkOf(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, mentorshipBody{m, work})
}

// mentorshipSessionInput is the body of POST /mentorships/{id}/sessions.
type mentorshipSessionInput struct {
	HeldOn  string `json:"held_on"`
	Minutes int    `json:"minutes"`
	Format  string `json:"format"`
	Topic   string `json:"topic"`
}

// logMentorshipSession records a session.
func (a *API) logMentorshipSession(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in mentorshipSessionInput
	if err := decode(r, &in); err != nil {
		return err
	}
	held, err := optionalDay("held_on", in.HeldOn)
	if err != nil {
		return err
	}
	x, err := a.svc.Mentorship.LogSession(r.Context(), rq.p, id, mentorship.SessionInput{HeldOn: held,
		Minutes: in.Minutes, Format: in.Format, Topic: in.Topic})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, x)
}

// mentorFeedbackInput is the body of POST …/sessions/{session}/feedback.
type mentorFeedbackInput struct {
	Rating  int    `json:"rating"`
	Comment string `json:"comment"`
}

// giveMentorFeedback records the mentor's feedback on a session.
func (a *API) giveMentorFeedback(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	session, err := pathID(r, "session")
	if err != nil {
		return err
	}
	var in mentorFeedbackInput
	if err := decode(r, &in); err != nil {
		return err
	}
	f, err := a.svc.Mentorship.MentorFeedback(r.Context(), rq.p, id, session, in.Rating, in.Comment)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, f)
}

// mentorshipGoalInput is the body of POST …/goals and PUT …/goals/{goal}.
type mentorshipGoalInput struct {
	Title     string `json:"title"`
	TargetOn  string `json:"target_on"`
	Progress  int    `json:"progress"`
	Steps     int    `json:"steps"`
	StepsDone int    `json:"steps_done"`
	Status    string `json:"status"`
	Version   int    `json:"version"` // of the goal changed
}

func (in mentorshipGoalInput) goal() (mentorship.GoalInput, error) {
	target, err := optionalDay("target_on", in.TargetOn)
	return mentorship.GoalInput{Title: in.Title, TargetOn: target, Progress: in.Progress, Steps: in.Steps,
		StepsDone: in.StepsDone, Status: mentorship.GoalStatus(in.Status)}, err
}

// addMentorshipGoal sets a goal.
func (a *API) addMentorshipGoal(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in mentorshipGoalInput
	if err := decode(r, &in); err != nil {
		return err
	}
	g, err := in.goal()
	if err != nil {
		return err
	}
	out, err := a.svc.Mentorship.AddGoal(r.Context(), rq.p, id, g)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, out)
}

// updateMentorshipGoal changes a goal as it stood at the body's version.
func (a *API) updateMentorshipGoal(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	goal, err := pathID(r, "goal")
	if err != nil {
		return err
	}
	var in mentorshipGoalInput
	if err := decode(r, &in); err != nil {
		return err
	}
	g, err := in.goal()
	if err != nil {
		return err
	}
	out, err := a.svc.Mentorship.UpdateGoal(r.Context(), rq.p, id, goal, in.Version, g)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, out)
}

// mentorshipEndInput is the body of POST /mentorships/{id}/end.
type mentorshipEndInput struct {
	Status string `json:"status"` // completed or ended_early
	Reason string `json:"reason"`
}

// endMentorship completes a mentorship or ends it early; once only.
func (a *API) endMentorship(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in mentorshipEndInput
	if err := decode(r, &in); err != nil {
		return err
	}
	m, err := a.svc.Mentorship.End(r.Context(), rq.p, id, mentorship.Status(in.Status), in.Reason)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, m)
}

// getMentorActivity reports sessions and hours per mentor and region
// from ?from= to ?to= (dates, both included).
func (a *API) getMentorActivity(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	from, ferr := time.Parse(time.DateOnly, q.Get("from"))
	to, terr := time.Parse(time.DateOnly, q.Get("to"))
	var fs []errs.FieldError
	if ferr != nil {
		fs = append(fs, errs.Field("from", text.ErrDateFormat.Key()))
	}
	if terr != nil {
		fs = append(fs, errs.Field("to", text.ErrDateFormat.Key()))
	}
	if err := errs.Validation(fs...); err != nil {
		return err
	}
	act, err := a.svc.Mentorship.Activity(r.Context(), rq.p, from, to)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, act)
}
