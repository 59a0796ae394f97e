package api

import (
	"net/http"

	"github.com/jolproject/jol/internal/allocation"
)

// allocationIn is the body of POST /campaigns/{id}/allocations: a dry run,
// or a commit of the plan made at version (the current one when left
// out) and, when digest is given, of exactly the dry run's plan;
// waitlist marks a run that serves the waiting list.
type allocationIn struct {
	DryRun   bool   `json:"dry_run"`
	Version  *int   `json:"version"`
	Digest   string `json:"digest"`
	Waitlist bool   `json:"waitlist"`
}

// allocationOut is what a run answers: its plan without the lines, and
// the run kept.
type allocationOut struct {
	Plan *allocation.Plan `json:"plan"`
	Run  *allocation.Run  `json:"run,omitempty"`
}

// allocate runs the campaign's allocation: a dry run answers 200 with the
// plan, a commit 201 with the plan and the run.
func (a *API) allocate(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in allocationIn
	if err := decode(r, &in); err != nil {
		return err
	}
	ctx := r.Context()
	if in.DryRun {
		plan, err := a.svc.Allocation.DryRun(ctx, rq.p, id, "api")
		if err != nil {
			return err
		}
		plan.Results = nil
		return writeJSON(w, http.StatusOK, jsonType, allocationOut{Plan: plan})
	}
	o := allocation.CommitOptions{Digest: in.Digest, Via: "api", Kind: allocation.KindPlan}
	if in.Waitlist {
		o.Kind = allocation.KindWaitlist
	}
	if in.Version != nil {
		o.Version = *in.Version
	} else {
		st, err := a.svc.Allocation.Settings(ctx, rq.p, id)
		if err != nil {
			return err
		}
		o.Version = st.Version
	}
	plan, run, err := a.svc.Allocation.Commit(ctx, rq.p, id, o)
	if err != nil {
		return err
	}
	plan.Results = nil
	return writeJSON(w, http.StatusCreated, jsonType, allocationOut{Plan: plan, Run: &run})
}

// listAllocations answers a page of the campaign's runs, the latest
// first, with ?cursor= and ?limit=.
func (a *API) listAllocations(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	runs, next, err := a.svc.Allocation.RunPage(r.Context(), rq.p, id, page(r))
	if err != nil {
		return err
	}
	return writeList(w, runs, next)
}
