package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/outcomes"
	"github.com/jolproject/jol/internal/strands"
)

// listActivities is a page of the activities of the caller's scope, of
// ?strand= and ?region= (a region code: its subtree) when given, newest
// first.
func (a *API) listActivities(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	f := strands.Filter{Strand: strands.Strand(q.Get("strand"))}
	if code := strings.ToUpper(strings.TrimSpace(q.Get("region"))); code != "" {
		g, err := a.svc.Geo.Get(r.Context(), rq.p, code)
		if err != nil {
			return errs.Validation(errs.Field("region", "error.unknown_region", "Code", code))
		}
		f.RegionPath = g.Path
	}
	list, next, err := a.svc.Strands.Activities(r.Context(), rq.p, f, page(r))
	if err != nil {
		return err
	}
	return writeList(w, nonNil(list), next)
}

// activityInput is the body of POST /activities, its dates as yyyy-mm-dd.
type activityInput struct {
	Name        string `json:"name"`
	Strand      string `json:"strand"`
	Description string `json:"description"`
	OrgID       int64  `json:"org_id"`
	RegionCode  string `json:"region_code"`
	StartsOn    string `json:"starts_on"`
	EndsOn      string `json:"ends_on"`
	Capacity    int    `json:"capacity"`
	MinAge      int    `json:"min_age"`
	MaxAge      int    `json:"max_age"`
	LocalOnly   bool   `json:"local_only"`
}

func (a *API) createActivity(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in activityInput
	if err := decode(r, &in); err != nil {
		return err
	}
	starts, err := optionalDay("starts_on", in.StartsOn)
	if err != nil {
		return err
	}
	ends, err := optionalDay("ends_on", in.EndsOn)
	if err != nil {
		return err
	}
	act, err := a.svc.Strands.Create(r.Context(), rq.p, strands.Input{Name: in.Name, Strand: strands.Strand(in.Strand),
		Description: in.Description, OrgID: in.OrgID, RegionCode: in.RegionCode, StartsOn: starts, EndsOn: ends,
		Capacity: in.Capacity, MinAge: in.MinAge, MaxAge: in.MaxAge, LocalOnly: in.LocalOnly})
	if err != nil {
		return err
	}
	return created(w, Prefix+"/activities/"+strconv.FormatInt(act.ID, 10), act)
}

// activityBody is an activity with its participants and sessions.
type activityBody struct {
	strands.Activity
	Participants []strands.Participant `json:"participants"`
	Sessions     []strands.Session     `json:"sessions"`
}

func (a *API) getActivity(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx := r.Context()
	b := activityBody{}
	if b.Activity, err = a.svc.Strands.Activity(ctx, rq.p, id); err != nil {
		return err
	}
	if b.Participants, err = a.svc.Strands.Participants(ctx, rq.p, id); err != nil {
		return err
	}
	if b.Sessions, err = a.svc.Strands.Sessions(ctx, rq.p, id); err != nil {
		return err
	}
	b.Participants, b.Sessions = nonNil(b.Participants), nonNil(b.Sessions)
	return writeJSON(w, http.StatusOK, jsonType, b)
}

// enrolYouth enrols the young person {"youth_id"} on activity {id}.
func (a *API) enrolYouth(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		YouthID int64 `json:"youth_id"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	e, err := a.svc.Strands.Enrol(r.Context(), rq.p, id, in.YouthID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, e)
}

// addActivitySession adds a session {"held_on", "topic", "leader"} to
// activity {id}.
func (a *API) addActivitySession(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		HeldOn string `json:"held_on"`
		Topic  string `json:"topic"`
		Leader string `json:"leader"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	day, err := optionalDay("held_on", in.HeldOn)
	if err != nil {
		return err
	}
	se, err := a.svc.Strands.AddSession(r.Context(), rq.p, id, day, in.Topic, in.Leader)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, se)
}

// setActivityProgress records a participant's progress on activity {id}.
func (a *API) setActivityProgress(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		YouthID  int64  `json:"youth_id"`
		Progress int    `json:"progress"`
		Note     string `json:"note"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := a.svc.Strands.SetProgress(r.Context(), rq.p, id, in.YouthID, in.Progress, in.Note); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// getActivityAttendance is the register of session {id}.
func (a *API) getActivityAttendance(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	marks, err := a.svc.Strands.Attendance(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeList(w, nonNil(marks), "")
}

// putActivityAttendance records the register of session {id}:
// {"marks": [{"youth_id", "present"}]}.
func (a *API) putActivityAttendance(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Marks []strands.Mark `json:"marks"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := a.svc.Strands.RecordAttendance(r.Context(), rq.p, id, in.Marks); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// getCoverage is the coverage report of the caller's scope.
func (a *API) getCoverage(w http.ResponseWriter, r *http.Request, rq *request) error {
	rep, err := a.svc.Outcomes.Coverage(r.Context(), rq.p)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, rep)
}

// getOutcome is young person {id}'s outcome record; reading it writes the
// access log.
func (a *API) getOutcome(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rec, err := a.svc.Outcomes.Get(r.Context(), rq.p, id, "api")
	if err != nil {
		return err
	}
	rec.Activities, rec.History = nonNil(rec.Activities), nonNil(rec.History)
	return writeJSON(w, http.StatusOK, jsonType, rec)
}

// putOutcome records young person {id}'s outcome {"outcome",
// "outcome_on" (yyyy-mm-dd), "note"}.
func (a *API) putOutcome(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Outcome   string `json:"outcome"`
		OutcomeOn string `json:"outcome_on"`
		Note      string `json:"note"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	day, err := optionalDay("outcome_on", in.OutcomeOn)
	if err != nil {
		return err
	}
	o, err := a.svc.Outcomes.Set(r.Context(), rq.p, id, outcomes.Input{Code: outcomes.Code(in.Outcome), On: day, Note: in.Note})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, o)
}
