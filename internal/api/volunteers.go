package api

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/volunteers"
)

// needInput is the body of POST /needs: a need with its day as
// yyyy-mm-dd.
type needInput struct {
	CampaignID int64           `json:"campaign_id"`
	Role       aftercare.Skill `json:"role"`
	Title      string          `json:"title"`
	Place      string          `json:"place"`
	OnDate     string          `json:"on_date"`
	Wanted     int             `json:"wanted"`
	Note       string          `json:"note"`
	RegionCode string          `json:"region_code"`
	OrgID      int64           `json:"org_id"`
	// Version is the version read, when a need is changed.
	Version int `json:"version"`
}

// input reads the need the body holds.
func (in needInput) input() (volunteers.NeedInput, error) {
	day, err := optionalDay("on_date", in.OnDate)
	return volunteers.NeedInput{CampaignID: in.CampaignID, Role: in.Role, Title: in.Title, Place: in.Place,
		OnDate: day, Wanted: in.Wanted, Note: in.Note, RegionCode: in.RegionCode, OrgID: in.OrgID}, err
}

// listNeeds lists the needs of the caller's scope from ?from= (today when
// absent) on, of ?role= and ?campaign=, open only with ?open=1, the
// soonest first.
func (a *API) listNeeds(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	from, err := optionalDay("from", q.Get("from"))
	if err != nil {
		return err
	}
	campaign, _ := strconv.ParseInt(q.Get("campaign"), 10, 64)
	f := volunteers.NeedFilter{From: from, Role: aftercare.Skill(q.Get("role")), CampaignID: campaign,
		Open: flag(q, "open")}
	list, next, err := a.svc.Volunteers.Needs(r.Context(), rq.p, f, volunteers.Page{Cursor: q.Get("cursor"), Limit: page(r).Limit})
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

func (a *API) createNeed(w http.ResponseWriter, r *http.Request, rq *request) error {
	var body needInput
	if err := decode(r, &body); err != nil {
		return err
	}
	in, err := body.input()
	if err != nil {
		return err
	}
	n, err := a.svc.Volunteers.CreateNeed(r.Context(), rq.p, in)
	if err != nil {
		return err
	}
	return created(w, Prefix+"/needs/"+strconv.FormatInt(n.ID, 10), n)
}

func (a *API) getNeed(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	n, err := a.svc.Volunteers.Need(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, n)
}

// versionInput is a body that carries only the version read.
type versionInput struct {
	Version int `json:"version"`
}

func (a *API) cancelNeed(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in versionInput
	if err := decode(r, &in); err != nil {
		return err
	}
	n, err := a.svc.Volunteers.CancelNeed(r.Context(), rq.p, id, in.Version)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, n)
}

// myNeeds is the answer of GET /my/needs.
type myNeeds struct {
	Open   []volunteers.Need `json:"open"`
	Signed []volunteers.Need `json:"signed"`
}

func (a *API) listMyNeeds(w http.ResponseWriter, r *http.Request, rq *request) error {
	open, signed, err := a.svc.Volunteers.OpenNeeds(r.Context(), rq.p)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, myNeeds{Open: nonNil(open), Signed: nonNil(signed)})
}

func (a *API) signUpNeed(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	n, err := a.svc.Volunteers.SignUp(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, n)
}

func (a *API) withdrawNeed(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	n, err := a.svc.Volunteers.Withdraw(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, n)
}

// hoursInput is the body of POST /my/hours: the day as yyyy-mm-dd and the
// time in minutes.
type hoursInput struct {
	WorkedOn string `json:"worked_on"`
	Minutes  int    `json:"minutes"`
	NeedID   int64  `json:"need_id"`
	TaskID   int64  `json:"task_id"`
	CourseID int64  `json:"course_id"`
	Note     string `json:"note"`
}

func (a *API) logHours(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in hoursInput
	if err := decode(r, &in); err != nil {
		return err
	}
	day, err := optionalDay("worked_on", in.WorkedOn)
	if err != nil {
		return err
	}
	h, err := a.svc.Volunteers.LogHours(r.Context(), rq.p, volunteers.HoursInput{WorkedOn: day, Minutes: in.Minutes,
		NeedID: in.NeedID, TaskID: in.TaskID, CourseID: in.CourseID, Note: in.Note})
	if err != nil {
		return err
	}
	return created(w, Prefix+"/my/hours", h)
}

func (a *API) listMyHours(w http.ResponseWriter, r *http.Request, rq *request) error {
	list, err := a.svc.Volunteers.MyHours(r.Context(), rq.p)
	if err != nil {
		return err
	}
	return writeList(w, nonNil(list), "")
}

// listHours lists the hours of the caller's scope by ?status=,
// ?volunteer= and ?campaign=, the oldest day first.
func (a *API) listHours(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	vol, _ := strconv.ParseInt(q.Get("volunteer"), 10, 64)
	campaign, _ := strconv.ParseInt(q.Get("campaign"), 10, 64)
	list, next, err := a.svc.Volunteers.HoursList(r.Context(), rq.p, volunteers.HoursFilter{
		Status: volunteers.HoursStatus(q.Get("status")), VolunteerID: vol, CampaignID: campaign},
		volunteers.Page{Cursor: q.Get("cursor"), Limit: page(r).Limit})
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

// decisionInput is the body of POST /hours/{id}/decision.
type decisionInput struct {
	Version int    `json:"version"`
	Approve bool   `json:"approve"`
	Reason  string `json:"reason"`
}

func (a *API) decideHours(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in decisionInput
	if err := decode(r, &in); err != nil {
		return err
	}
	h, err := a.svc.Volunteers.DecideHours(r.Context(), rq.p, id, in.Version,
		volunteers.Decision{Approve: in.Approve, Reason: in.Reason})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, h)
}

// hoursTotals is the answer of GET /hours/totals.
type hoursTotals struct {
	CampaignID int64                       `json:"campaign_id,omitempty"`
	Totals     volunteers.Totals           `json:"totals"`
	Volunteers []volunteers.VolunteerHours `json:"volunteers"`
}

// getHoursTotals sums the approved hours of ?campaign= (all when absent)
// within the caller's scope, in all and per volunteer.
func (a *API) getHoursTotals(w http.ResponseWriter, r *http.Request, rq *request) error {
	var campaign int64
	if v := r.URL.Query().Get("campaign"); v != "" {
		var err error
		if campaign, err = strconv.ParseInt(v, 10, 64); err != nil || campaign <= 0 {
			return errs.Validation(errs.Field("campaign_id", "error.unknown_campaign"))
		}
	}
	t, err := a.svc.Volunteers.Totals(r.Context(), rq.p, campaign)
	if err != nil {
		return err
	}
	by, err := a.svc.Volunteers.HoursByVolunteer(r.Context(), rq.p, campaign)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, hoursTotals{CampaignID: campaign, Totals: t, Volunteers: nonNil(by)})
}

// nonNil makes a nil list an empty one, written [] rather than null.
func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}
