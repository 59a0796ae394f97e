package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/matching"
	mentormatch "github.com/jolproject/jol/internal/mentoring/match"
)

// listMatchingRuns is a page of the runs of the caller's scope, newest
// first.
func (a *API) listMatchingRuns(w http.ResponseWriter, r *http.Request, rq *request) error {
	runs, next, err := a.svc.Matching.Runs(r.Context(), rq.p, page(r))
	if err != nil {
		return err
	}
	return writeList(w, runs, next)
}

// matchingRunInput is the body of POST /matching/runs.
type matchingRunInput struct {
	OrgID        int64      `json:"org_id"`
	Region       string     `json:"region"`
	Field        string     `json:"field"`
	From         *time.Time `json:"from"`
	To           *time.Time `json:"to"`
	DeadlineDays int        `json:"deadline_days"`
	Rule         struct {
		Field       bool `json:"field"`
		Region      bool `json:"region"`
		Language    bool `json:"language"`
		Format      bool `json:"format"`
		Limit       int  `json:"limit"`
		ChoicesOnly bool `json:"choices_only"`
	} `json:"rule"`
}

// startMatchingRun runs the matching of the caller's cohort and answers
// 201 with the stored run.
func (a *API) startMatchingRun(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in matchingRunInput
	if err := decode(r, &in); err != nil {
		return err
	}
	pr := matching.Params{OrgID: in.OrgID, Region: in.Region, Field: in.Field, DeadlineDays: in.DeadlineDays,
		Rule: mentormatch.Rule{Field: in.Rule.Field, Region: in.Rule.Region, Language: in.Rule.Language,
			Format: in.Rule.Format, Limit: in.Rule.Limit, ChoicesOnly: in.Rule.ChoicesOnly}}
	if in.From != nil {
		pr.From = *in.From
	}
	if in.To != nil {
		pr.To = *in.To
	}
	run, err := a.svc.Matching.Run(r.Context(), rq.p, pr)
	if err != nil {
		return err
	}
	return created(w, Prefix+"/matching/runs/"+strconv.FormatInt(run.ID, 10), run)
}

// getMatchingRun is a run with its counts.
func (a *API) getMatchingRun(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	run, err := a.svc.Matching.GetRun(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, run)
}

// after reads ?cursor= as the id a page starts after, and ?limit=.
func after(r *http.Request) (int64, int) {
	q := r.URL.Query()
	c, _ := strconv.ParseInt(q.Get("cursor"), 10, 64)
	l, _ := strconv.Atoi(q.Get("limit"))
	if l <= 0 || l > matching.MaxPage {
		l = matching.MaxPage
	}
	return max(c, 0), l
}

// listMatchingProposals is a page of a run's proposals by id.
func (a *API) listMatchingProposals(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	from, limit := after(r)
	ps, err := a.svc.Matching.RunProposals(r.Context(), rq.p, id, from, limit)
	if err != nil {
		return err
	}
	next := ""
	if len(ps) == limit {
		next = strconv.FormatInt(ps[len(ps)-1].ID, 10)
	}
	return writeList(w, ps, next)
}

// listMatchingUnmatched is a page of the young people a run left
// unmatched, by id, with the reasons.
func (a *API) listMatchingUnmatched(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	from, limit := after(r)
	us, err := a.svc.Matching.RunUnmatched(r.Context(), rq.p, id, from, limit)
	if err != nil {
		return err
	}
	next := ""
	if len(us) == limit {
		next = strconv.FormatInt(us[len(us)-1].YouthID, 10)
	}
	return writeList(w, us, next)
}

// approveMatchingProposal approves a minor's proposal.
func (a *API) approveMatchingProposal(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := a.svc.Matching.Approve(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, p)
}

// listMyProposals lists the calling mentor's proposals.
func (a *API) listMyProposals(w http.ResponseWriter, r *http.Request, rq *request) error {
	ps, err := a.svc.Matching.Mine(r.Context(), rq.p)
	if err != nil {
		return err
	}
	return writeList(w, ps, "")
}

// replyInput is the body of a mentor's reply.
type replyInput struct {
	Version int    `json:"version"`
	Reason  string `json:"reason"`
}

// acceptMatchingProposal accepts a proposal as the calling mentor.
func (a *API) acceptMatchingProposal(w http.ResponseWriter, r *http.Request, rq *request) error {
	return a.reply(w, r, rq, true)
}

// declineMatchingProposal declines a proposal as the calling mentor.
func (a *API) declineMatchingProposal(w http.ResponseWriter, r *http.Request, rq *request) error {
	return a.reply(w, r, rq, false)
}

func (a *API) reply(w http.ResponseWriter, r *http.Request, rq *request, accept bool) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in replyInput
	if err := decode(r, &in); err != nil {
		return err
	}
	var p matching.Proposal
	if accept {
		p, err = a.svc.Matching.Accept(r.Context(), rq.p, id, in.Version)
	} else {
		p, err = a.svc.Matching.Decline(r.Context(), rq.p, id, in.Version, in.Reason)
	}
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, p)
}
