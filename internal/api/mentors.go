package api

import (
	"net/http"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/mentoring"
)

// eligibilityOut says whether a mentor may take a young person today and,
// when not, why: the message key and its arguments, as a problem
// document gives them.
type eligibilityOut struct {
	Eligible bool           `json:"eligible"`
	Reason   string         `json:"reason,omitempty"`
	Args     map[string]any `json:"args,omitempty"`
}

func eligibilityOf(err error) eligibilityOut {
	e := errs.As(err)
	if e == nil {
		return eligibilityOut{Eligible: true}
	}
	out := eligibilityOut{Reason: e.Key, Args: map[string]any{}}
	for i := 0; i+1 < len(e.Args); i += 2 {
		if k, ok := e.Args[i].(string); ok {
			out.Args[k] = e.Args[i+1]
		}
	}
	return out
}

// mentorCardOut is a mentor's page: the profile, the school, and the
// eligibility for adults and for minors today.
type mentorCardOut struct {
	mentoring.Mentor
	Standing mentoring.Standing `json:"standing"`
	Adults   eligibilityOut     `json:"adults"`
	Minors   eligibilityOut     `json:"minors"`
}

func cardOut(c mentoring.Card) mentorCardOut {
	return mentorCardOut{Mentor: c.Mentor, Standing: c.Standing, Adults: eligibilityOf(c.Adults), Minors: eligibilityOf(c.Minors)}
}

// listMentors lists a page of the mentors of the caller's scope, the
// newest first, narrowed by ?status=, ?field=, ?region=, ?background=,
// ?school= and ?vetting=.
func (a *API) listMentors(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	f := mentoring.ListFilter{Status: mentoring.Status(q.Get("status")), Field: q.Get("field"),
		RegionCode: q.Get("region"), Background: mentoring.Background(q.Get("background")), School: q.Get("school"),
		Vetting: q.Get("vetting")}
	list, next, err := a.svc.Mentoring.Page(r.Context(), rq.p, f, page(r))
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

func (a *API) getMentor(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	c, err := a.svc.Mentoring.Card(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, cardOut(c))
}

func (a *API) myMentor(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := a.svc.Mentoring.MyCard(r.Context(), rq.p)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, cardOut(c))
}

// mentorDecisionInput is the body of POST /mentors/{id}/decision.
type mentorDecisionInput struct {
	Version int    `json:"version"`
	Approve bool   `json:"approve"`
	Reason  string `json:"reason"`
}

func (a *API) decideMentor(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body mentorDecisionInput
	if err := decode(r, &body); err != nil {
		return err
	}
	m, err := a.svc.Mentoring.Decide(r.Context(), rq.p, id, body.Version, body.Approve, body.Reason)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, m)
}

// vettingInput is the body of PUT /mentors/{id}/vetting, its days as
// yyyy-mm-dd; all four empty clear it.
type vettingInput struct {
	Version   int    `json:"version"`
	Document  string `json:"document"`
	On        string `json:"on"`
	Expires   string `json:"expires"`
	CheckedBy string `json:"checked_by"`
}

func (a *API) setMentorVetting(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body vettingInput
	if err := decode(r, &body); err != nil {
		return err
	}
	on, err := optionalDay("vetted_on", body.On)
	if err != nil {
		return err
	}
	expires, err := optionalDay("vetting_expires", body.Expires)
	if err != nil {
		return err
	}
	m, err := a.svc.Mentoring.SetVetting(r.Context(), rq.p, id, body.Version, mentoring.Vetting{Document: body.Document,
		On: on, Expires: expires, CheckedBy: body.CheckedBy})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, m)
}

func (a *API) mentorStats(w http.ResponseWriter, r *http.Request, rq *request) error {
	st, err := a.svc.Mentoring.Stats(r.Context(), rq.p)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, st)
}

// listMentorFields lists the fields of expertise, taken off ones too.
func (a *API) listMentorFields(w http.ResponseWriter, r *http.Request, rq *request) error {
	list, err := a.svc.Mentoring.Fields(r.Context())
	if err != nil {
		return err
	}
	return writeList(w, list, "")
}

// saveMentorField adds the field of expertise {code} or changes it.
func (a *API) saveMentorField(w http.ResponseWriter, r *http.Request, rq *request) error {
	var f mentoring.Field
	if err := decode(r, &f); err != nil {
		return err
	}
	f.Code = r.PathValue("code")
	out, err := a.svc.Mentoring.SaveField(r.Context(), rq.p, f)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, out)
}

func (a *API) listMentorCohorts(w http.ResponseWriter, r *http.Request, rq *request) error {
	list, err := a.svc.Mentoring.Cohorts(r.Context(), rq.p)
	if err != nil {
		return err
	}
	rows, next := pageOf(page(r), list, func(c mentoring.Cohort) int64 { return c.ID })
	return writeList(w, rows, next)
}

func (a *API) mentorCohortProgress(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rep, err := a.svc.Mentoring.Report(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, rep)
}

// mentorAttendanceInput is the body of PUT /mentor-sessions/{id}/attendance:
// the mentors present; the cohort's other members were absent.
type mentorAttendanceInput struct {
	Present []int64 `json:"present"`
}

func (a *API) recordMentorAttendance(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body mentorAttendanceInput
	if err := decode(r, &body); err != nil {
		return err
	}
	if err := a.svc.Mentoring.RecordAttendance(r.Context(), rq.p, id, body.Present); err != nil {
		return err
	}
	sh, err := a.svc.Mentoring.Sheet(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, sh)
}
