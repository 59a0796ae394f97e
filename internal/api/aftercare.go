package api

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
)

// listVolunteers lists the volunteers of the caller's scope, narrowed by
// ?skill=, ?region= (a region code: its subtree), ?active=1, ?subject=
// and ?language=, newest first.
func (a *API) listVolunteers(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	f := aftercare.VolunteerFilter{Skill: aftercare.Skill(q.Get("skill")), Active: flag(q, "active"),
		Subject: strings.TrimSpace(q.Get("subject")), Language: strings.ToLower(strings.TrimSpace(q.Get("language")))}
	if code := strings.ToUpper(strings.TrimSpace(q.Get("region"))); code != "" {
		g, err := a.svc.Geo.Lookup(r.Context(), code)
		if err != nil {
			return errs.Validation(errs.Field("region", "error.unknown_region", "Code", code))
		}
		f.RegionPath = g.Path
	}
	list, next, err := a.svc.Aftercare.Volunteers(r.Context(), rq.p, f, page(r))
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

func (a *API) createVolunteer(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in aftercare.VolunteerInput
	if err := decode(r, &in); err != nil {
		return err
	}
	v, err := a.svc.Aftercare.CreateVolunteer(r.Context(), rq.p, in)
	if err != nil {
		return err
	}
	return created(w, Prefix+"/volunteers/"+strconv.FormatInt(v.ID, 10), v)
}

func (a *API) getVolunteer(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v, err := a.svc.Aftercare.Volunteer(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, v)
}

// volunteerUpdate is the body of PUT /volunteers/{id}: the whole record
// and the version read.
type volunteerUpdate struct {
	aftercare.VolunteerInput
	Version int `json:"version"`
}

func (a *API) updateVolunteer(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in volunteerUpdate
	if err := decode(r, &in); err != nil {
		return err
	}
	v, err := a.svc.Aftercare.UpdateVolunteer(r.Context(), rq.p, id, in.Version, in.VolunteerInput)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, v)
}

// listTasks is the queue: the tasks of ?status= (open or assigned when
// absent; "active" says the same), ?kind= and ?volunteer_id=, the
// earliest due first, with ?cursor= and ?limit=.
func (a *API) listTasks(w http.ResponseWriter, r *http.Request, rq *request) error {
	vol, err := queryID(r, "volunteer_id")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	list, next, err := a.svc.Aftercare.Queue(r.Context(), rq.p, aftercare.QueueFilter{Status: aftercare.Status(q.Get("status")),
		Kind: aftercare.Kind(q.Get("kind")), VolunteerID: vol}, aftercare.Page{Cursor: q.Get("cursor"), Limit: page(r).Limit})
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

func (a *API) getTask(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	t, err := a.svc.Aftercare.Task(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, t)
}

// taskAssignInput is the body of POST /tasks/{id}/assign.
type taskAssignInput struct {
	Version     int    `json:"version"`
	VolunteerID int64  `json:"volunteer_id"`
	DueOn       string `json:"due_on"`
}

func (a *API) assignTask(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in taskAssignInput
	if err := decode(r, &in); err != nil {
		return err
	}
	due, err := optionalDay("due_on", in.DueOn)
	if err != nil {
		return err
	}
	t, err := a.svc.Aftercare.Assign(r.Context(), rq.p, id, in.Version, in.VolunteerID, due)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, t)
}

// reportInput is the body of a report on a task.
type reportInput struct {
	Version int    `json:"version"`
	Done    bool   `json:"done"`
	DoneOn  string `json:"done_on"`
	Minutes int    `json:"minutes"`
	Note    string `json:"note"`
}

// reportTask records a report on task {id}: a coordinator's on any task
// of their scope (POST /tasks/{id}/report), a volunteer's on a task given
// to them (POST /my/tasks/{id}/report).
func (a *API) reportTask(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in reportInput
	if err := decode(r, &in); err != nil {
		return err
	}
	done, err := optionalDay("done_on", in.DoneOn)
	if err != nil {
		return err
	}
	t, err := a.svc.Aftercare.ReportTask(r.Context(), rq.p, id, in.Version, aftercare.Report{Done: in.Done,
		DoneOn: done, Minutes: in.Minutes, Note: in.Note})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, t)
}

// listMyTasks lists the tasks given to the volunteer whose token it is, of
// ?status= (open or assigned when absent).
func (a *API) listMyTasks(w http.ResponseWriter, r *http.Request, rq *request) error {
	list, _, err := a.svc.Aftercare.MyTasks(r.Context(), rq.p, aftercare.Status(r.URL.Query().Get("status")))
	if err != nil {
		return err
	}
	return writeList(w, list, "")
}

// getDevice tells the story of the device {key}: its serial number or id.
func (a *API) getDevice(w http.ResponseWriter, r *http.Request, rq *request) error {
	found, err := a.svc.Aftercare.FindDevices(r.Context(), rq.p, r.PathValue("key"))
	if err != nil {
		return err
	}
	if len(found) != 1 {
		return errs.ErrNotFound
	}
	st, err := a.svc.Aftercare.Story(r.Context(), rq.p, found[0].ID, "api")
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, st)
}

// optionalDay reads a "yyyy-mm-dd" field; "" is none.
func optionalDay(field, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	d, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, errs.Validation(errs.Field(field, text.ErrDateFormat.Key()))
	}
	return d, nil
}
