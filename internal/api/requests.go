package api

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/services"
)

// requestLine is one thing a request asks for, as the API takes it.
type requestLine struct {
	ItemID   int64  `json:"item_id"`
	Quantity int    `json:"quantity"`
	Size     string `json:"size"`
}

// requestFields is the body of POST /requests.
type requestFields struct {
	CampaignID        int64                  `json:"campaign_id"`
	PersonID          int64                  `json:"person_id"`
	ApplicantKind     requests.ApplicantKind `json:"applicant_kind"`
	ApplicantPersonID int64                  `json:"applicant_person_id"`
	ApplicantOrgID    int64                  `json:"applicant_org_id"`
	ApplicantName     string                 `json:"applicant_name"`
	ApplicantPhone    string                 `json:"applicant_phone"`
	Channel           requests.Channel       `json:"channel"`
	Locale            string                 `json:"locale"`
	Lines             []requestLine          `json:"lines"`
	DistanceKm        *float64               `json:"distance_km"`
}

// createRequest submits a request: 201 with the new request, or 200 with
// the person's request in the campaign, linked, when there is one.
func (a *API) createRequest(w http.ResponseWriter, r *http.Request, rq *request) error {
	var f requestFields
	if err := decode(r, &f); err != nil {
		return err
	}
	in := requests.Input{CampaignID: f.CampaignID, PersonID: f.PersonID, ApplicantKind: f.ApplicantKind,
		ApplicantPersonID: f.ApplicantPersonID, ApplicantOrgID: f.ApplicantOrgID, ApplicantName: f.ApplicantName,
		ApplicantPhone: f.ApplicantPhone, Channel: f.Channel, Locale: f.Locale, Via: "api", DistanceKm: f.DistanceKm}
	for _, l := range f.Lines {
		in.Lines = append(in.Lines, requests.LineInput{ItemID: l.ItemID, Quantity: l.Quantity, Size: l.Size})
	}
	q, err := a.svc.Requests.Submit(r.Context(), rq.p, in)
	if err != nil {
		return err
	}
	a.nameLines(r, rq, &q)
	if q.Linked {
		return writeJSON(w, http.StatusOK, jsonType, q)
	}
	return created(w, Prefix+"/requests/"+strconv.FormatInt(q.ID, 10), q)
}

// getRequest answers one request with its lines and its current
// eligibility result, explained in the caller's language; the access log records
// that the caller opened it through the API.
func (a *API) getRequest(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	q, err := a.svc.Requests.Get(r.Context(), rq.p, id, "api")
	if err != nil {
		return err
	}
	res, err := a.result(r.Context(), r, rq, id)
	if err != nil {
		return err
	}
	a.nameLines(r, rq, &q)
	alloc, err := a.svc.ExplainAllocation(r.Context(), a.localizer(r, rq), rq.p, id)
	if err != nil {
		return err
	}
	if alloc == nil {
		alloc = []services.AllocationLine{}
	}
	return writeJSON(w, http.StatusOK, jsonType, requestOut{Request: q, Eligibility: res, Allocation: alloc})
}

// listRequests answers a page of a campaign's requests, newest first.
func (a *API) listRequests(w http.ResponseWriter, r *http.Request, rq *request) error {
	campaign, err := queryID(r, "campaign")
	if err != nil {
		return err
	}
	if campaign == 0 {
		return errs.Validation(errs.Field("campaign", "error.required"))
	}
	f := requests.Filter{CampaignID: campaign, Status: requests.Status(r.URL.Query().Get("status"))}
	rows, next, err := a.svc.Requests.List(r.Context(), rq.p, f, page(r))
	if err != nil {
		return err
	}
	return writeList(w, rows, next)
}

// transitionFields is the body of POST /requests/{id}/transitions.
type transitionFields struct {
	To      requests.Status `json:"to"`
	Version int             `json:"version"`
	Reason  requests.Reason `json:"reason"`
	Note    string          `json:"note"`
}

// conflictBody is the answer to a decision that came too late: the
// problem, and the request as it stands now.
type conflictBody struct {
	problem
	Current requests.Request `json:"current"`
}

// transitionRequest moves a request along its lifecycle. A decision made
// on an old version is answered 409 with the request as it stands.
func (a *API) transitionRequest(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var f transitionFields
	if err := decode(r, &f); err != nil {
		return err
	}
	q, err := a.svc.Requests.Transition(r.Context(), rq.p, id, requests.Move{To: f.To, Version: f.Version,
		Reason: f.Reason, Note: f.Note, Via: "api"})
	a.nameLines(r, rq, &q)
	if e := errs.As(err); e != nil && e.Key == "error.request_changed" && q.ID != 0 {
		l := a.localizer(r, rq)
		se := a.fromDomain(l, e)
		body := conflictBody{problem: problem{Type: problemBase + se.code, Title: http.StatusText(se.status),
			Status: se.status, Detail: l.T(se.key, se.args...)}, Current: q}
		return writeJSON(w, se.status, "application/problem+json", body)
	}
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, q)
}

// nameLines gives each line of q its item's name in the caller's
// language, the one their error messages are in (their profile, else
// Accept-Language, else their organisation's); English where the
// catalogue has no name in it.
func (a *API) nameLines(r *http.Request, rq *request, q *requests.Request) {
	if len(q.Lines) == 0 {
		return
	}
	locale := a.localizer(r, rq).Locale().String()
	for i, l := range q.Lines {
		q.Lines[i].ItemName = l.Name(locale)
	}
}
