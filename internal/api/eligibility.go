package api

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/services"
)

// requestOut is a request as GET /requests/{id} answers it: with its
// current eligibility result and the explanation in the caller's
// language, or no result before it is evaluated.
type requestOut struct {
	requests.Request
	Eligibility *resultOut `json:"eligibility"`
	// Allocation is the latest allocation outcome of each line, with its
	// explanation; empty before the campaign's first committed run.
	Allocation []services.AllocationLine `json:"allocation"`
}

// resultOut is a request's current eligibility result.
type resultOut struct {
	Status      eligibility.Status   `json:"status"`
	Eligible    bool                 `json:"eligible"`
	Score       int                  `json:"score"`
	Terms       []eligibility.Term   `json:"terms"`
	Checks      []eligibility.Check  `json:"checks"`
	Rank        int                  `json:"rank"`
	Of          int                  `json:"of"`
	RankRegion  string               `json:"rank_region"`
	Version     int                  `json:"version"`
	DecidedOn   string               `json:"decided_on"`
	ComputedAt  time.Time            `json:"computed_at"`
	Explanation services.Explanation `json:"explanation"`
}

// result reads and renders request id's current result, nil when it has
// none.
func (a *API) result(ctx context.Context, r *http.Request, rq *request, id int64) (*resultOut, error) {
	st, err := a.svc.Eligibility.Current(ctx, rq.p, id)
	if errs.CodeOf(err) == errs.NotFound {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	ex, err := a.svc.Explain(ctx, a.localizer(r, rq), st)
	if err != nil {
		return nil, err
	}
	res := st.Result
	return &resultOut{Status: res.Status, Eligible: res.Status == eligibility.Eligible, Score: res.Score, Terms: res.Terms,
		Checks: res.Checks, Rank: st.Place.Rank, Of: st.Place.Of, RankRegion: res.RankRegion, Version: st.Version,
		DecidedOn: isoDay(st.DecidedOn), ComputedAt: st.ComputedAt, Explanation: ex}, nil
}

// ruleSetIn is the body of PUT /campaigns/{id}/rules.
type ruleSetIn struct {
	Rules   eligibility.Rules   `json:"rules"`
	Weights eligibility.Weights `json:"weights"`
}

// getRules answers the campaign's current rule set and, with
// ?history=1, every version, latest first.
func (a *API) getRules(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := a.svc.Campaigns.Get(r.Context(), rq.p, id); err != nil {
		return err
	}
	if r.URL.Query().Get("history") == "1" {
		all, err := a.svc.Eligibility.RuleSets(r.Context(), id)
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusOK, jsonType, map[string]any{"items": all})
	}
	rs, err := a.svc.Eligibility.CurrentRuleSet(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, rs)
}

// putRules saves the body as the campaign's next rule set version.
func (a *API) putRules(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in ruleSetIn
	if err := decode(r, &in); err != nil {
		return err
	}
	rs, err := a.svc.Eligibility.SaveRuleSet(r.Context(), rq.p, id, in.Rules, in.Weights)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, rs)
}

// rescore queues the recalculation of every request of the campaign and
// answers 202 with the job to follow.
func (a *API) rescore(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	job, err := a.svc.Eligibility.QueueRescore(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/jobs/"+strconv.FormatInt(job, 10))
	return writeJSON(w, http.StatusAccepted, jsonType, map[string]any{"job_id": job})
}
