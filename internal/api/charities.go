package api

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/charities"
	"github.com/jolproject/jol/internal/outreach"
)

// The benefactors' association: the charities (no child in them), and a
// charity's own staff's inbox of the referrals sent to their charity,
// where they accept or decline them. A referral sent to another charity
// is not found.

// charityInput is the body of POST /charities and PUT /charities/{id}
// (which names the version it was written against; the organisation of
// a charity stays).
type charityInput struct {
	Version  int                `json:"version"`
	Name     string             `json:"name"`
	OrgID    int64              `json:"org_id"`
	Capacity int                `json:"capacity"`
	Active   *bool              `json:"active"`
	Note     string             `json:"note"`
	Domains  []charities.Domain `json:"domains"`
	Regions  []string           `json:"regions"`
}

func (in charityInput) input() charities.Input {
	return charities.Input{Name: in.Name, OrgID: in.OrgID, Capacity: in.Capacity, Active: in.Active == nil || *in.Active,
		Note: in.Note, Domains: in.Domains, RegionCodes: in.Regions}
}

// listCharities lists the charities by name, those covering ?domain= only
// when given.
func (a *API) listCharities(w http.ResponseWriter, r *http.Request, rq *request) error {
	list, err := a.svc.Charities.List(r.Context(), rq.p, charities.Domain(r.URL.Query().Get("domain")))
	if err != nil {
		return err
	}
	return writeList(w, list, "")
}

func (a *API) createCharity(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in charityInput
	if err := decode(r, &in); err != nil {
		return err
	}
	c, err := a.svc.Charities.Create(r.Context(), rq.p, in.input())
	if err != nil {
		return err
	}
	return created(w, Prefix+"/charities/"+strconv.FormatInt(c.ID, 10), c)
}

func (a *API) getCharity(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	c, err := a.svc.Charities.Get(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, c)
}

func (a *API) updateCharity(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in charityInput
	if err := decode(r, &in); err != nil {
		return err
	}
	c, err := a.svc.Charities.Update(r.Context(), rq.p, id, in.Version, in.input())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, c)
}

// listReferrals lists the referrals sent to the caller's charity, waiting
// ones first, of ?status= when given; each card is in the access log.
func (a *API) listReferrals(w http.ResponseWriter, r *http.Request, rq *request) error {
	list, err := a.svc.Outreach.Inbox(r.Context(), rq.p, outreach.ReferralStatus(r.URL.Query().Get("status")), "api")
	if err != nil {
		return err
	}
	return writeList(w, list, "")
}

// getReferral answers a referral sent to the caller's charity, with what
// the family consented to share; any other is not found.
func (a *API) getReferral(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	c, err := a.svc.Outreach.Referral(r.Context(), rq.p, id, "api")
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, c)
}

// referralAnswer is the body of POST /referrals/{id}/answer.
type referralAnswer struct {
	Version int                    `json:"version"`
	Accept  bool                   `json:"accept"`
	Reason  outreach.DeclineReason `json:"reason"`
	Note    string                 `json:"note"`
}

func (a *API) answerReferral(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in referralAnswer
	if err := decode(r, &in); err != nil {
		return err
	}
	ref, err := a.svc.Outreach.Answer(r.Context(), rq.p, id, outreach.AnswerInput{Accept: in.Accept,
		Reason: in.Reason, Note: in.Note, Version: in.Version})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, ref)
}
