package api

import (
	"net/http"

	"github.com/jolproject/jol/internal/mentorship"
)

// safeguardingConcernInput is the body of POST /mentorships/{id}/concerns.
type safeguardingConcernInput struct {
	Body string `json:"body"`
}

// reportConcern reports a safeguarding concern about a mentorship; it
// reaches the designated lead at once.
func (a *API) reportConcern(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in safeguardingConcernInput
	if err := decode(r, &in); err != nil {
		return err
	}
	c, err := a.svc.Mentorship.ReportConcern(r.Context(), rq.p, id, in.Body)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, c)
}

// listConcerns is a page of the concerns the caller works, newest first,
// of ?status= when given.
func (a *API) listConcerns(w http.ResponseWriter, r *http.Request, rq *request) error {
	rows, next, err := a.svc.Mentorship.Concerns(r.Context(), rq.p,
		mentorship.ConcernStatus(r.URL.Query().Get("status")), page(r))
	if err != nil {
		return err
	}
	return writeList(w, rows, next)
}

// getConcern is one concern, to who works it.
func (a *API) getConcern(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	c, err := a.svc.Mentorship.Concern(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, c)
}

// concernStatusInput is the body of POST /safeguarding/concerns/{id}/status.
type concernStatusInput struct {
	Status  string `json:"status"`
	Note    string `json:"note"`
	Version int    `json:"version"`
}

// workConcern moves a concern on: in_progress, then closed with a note.
func (a *API) workConcern(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in concernStatusInput
	if err := decode(r, &in); err != nil {
		return err
	}
	c, err := a.svc.Mentorship.WorkConcern(r.Context(), rq.p, id, in.Version, mentorship.ConcernStatus(in.Status), in.Note)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, c)
}

// listSafeguardingLeads lists the designated leads of the caller's
// organisations.
func (a *API) listSafeguardingLeads(w http.ResponseWriter, r *http.Request, rq *request) error {
	leads, err := a.svc.Mentorship.Leads(r.Context(), rq.p)
	if err != nil {
		return err
	}
	return writeList(w, leads, "")
}

// safeguardingLeadInput is the body of PUT /safeguarding/leads/{org}.
type safeguardingLeadInput struct {
	UserID int64 `json:"user_id"`
}

// setSafeguardingLead designates the lead of an organisation.
func (a *API) setSafeguardingLead(w http.ResponseWriter, r *http.Request, rq *request) error {
	org, err := pathID(r, "org")
	if err != nil {
		return err
	}
	var in safeguardingLeadInput
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := a.svc.Mentorship.SetLead(r.Context(), rq.p, org, in.UserID); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
