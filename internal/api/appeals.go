package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
)

// listAppeals lists the appeals of the caller's scope by deadline, the
// nearest (and the overdue) first: ?status= (open when absent), ?kind=,
// ?mine=true for those assigned to the caller. The cursor is the
// deadline and id of the last appeal of the page.
func (a *API) listAppeals(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	f := appeals.Filter{Status: appeals.Status(q.Get("status")), Kind: appeals.Kind(q.Get("kind")), Mine: q.Get("mine") == "true"}
	pg := page(r)
	out, next, err := a.svc.Appeals.Queue(r.Context(), rq.p, f, appeals.Page{Cursor: q.Get("cursor"), Limit: pg.Limit})
	if err != nil {
		return err
	}
	return writeList(w, out, next)
}

// appealInput is the body of POST /appeals.
type appealInput struct {
	Kind        appeals.Kind    `json:"kind"`
	Channel     appeals.Channel `json:"channel"`
	PersonID    int64           `json:"person_id"`
	CallerName  string          `json:"caller_name"`
	CallerPhone string          `json:"caller_phone"`
	Subject     string          `json:"subject"`
	RegionCode  string          `json:"region_code"`
	CampaignID  int64           `json:"campaign_id"`
	AssigneeID  int64           `json:"assignee_id"`
	PersonIDs   []int64         `json:"person_ids"`
	RequestIDs  []int64         `json:"request_ids"`
	ReceivedAt  time.Time       `json:"received_at"`
}

func (a *API) createAppeal(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in appealInput
	if err := decode(r, &in); err != nil {
		return err
	}
	ap, err := a.svc.Appeals.Create(r.Context(), rq.p, appeals.Input{Kind: in.Kind, Channel: in.Channel, PersonID: in.PersonID,
		CallerName: in.CallerName, CallerPhone: in.CallerPhone, Subject: in.Subject, RegionCode: in.RegionCode,
		CampaignID: in.CampaignID, AssigneeID: in.AssigneeID, PersonIDs: in.PersonIDs, RequestIDs: in.RequestIDs,
		ReceivedAt: in.ReceivedAt})
	if err != nil {
		return err
	}
	return created(w, Prefix+"/appeals/"+strconv.FormatInt(ap.ID, 10), ap)
}

func (a *API) getAppeal(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ap, err := a.svc.Appeals.Get(r.Context(), rq.p, id, "api")
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, ap)
}

// answerInput is the body of POST /appeals/{id}/answer.
type answerInput struct {
	Outcome    appeals.Outcome `json:"outcome"`
	Answer     string          `json:"answer"`
	Close      bool            `json:"close"`
	Version    int             `json:"version"`
	AnsweredAt time.Time       `json:"answered_at"`
}

func (a *API) answerAppeal(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in answerInput
	if err := decode(r, &in); err != nil {
		return err
	}
	ap, err := a.svc.Appeals.Answer(r.Context(), rq.p, id, appeals.AnswerInput{Outcome: in.Outcome, Answer: in.Answer,
		Close: in.Close, Version: in.Version, AnsweredAt: in.AnsweredAt})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, ap)
}

// appealStats counts the appeals received from ?from= to ?to= (dates,
// both included) by kind, channel and region.
func (a *API) appealStats(w http.ResponseWriter, r *http.Request, rq *request) error {
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
	st, err := a.svc.Appeals.Stats(r.Context(), rq.p, from, to)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, statsOut{Stats: st, OnTimeRate: st.Total.OnTimeRate()})
}

// statsOut is the statistics with the on-time rate of all of them.
type statsOut struct {
	appeals.Stats
	OnTimeRate float64 `json:"on_time_rate"`
}
