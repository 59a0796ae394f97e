package requests

import (
	"context"
	"net/http"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/web/kit"
)

// eligibilityView is a request's eligibility result as operators read it
// to a family: the long explanation in the reader's language, line by
// line, and the earlier results.
type eligibilityView struct {
	Evaluated   bool
	Version     int
	ComputedAt  time.Time
	Lines       []string // the first is the summary with score and rank
	History     []pastResult
	CanEvaluate bool
	// Allocation explains the latest allocation outcome of each line:
	// where it comes from, or why it waits.
	Allocation []string
}

// pastResult is an earlier result: when, under which rules, its summary.
type pastResult struct {
	ComputedAt time.Time
	Version    int
	Summary    string
}

// eligibility reads the request's current result and history and renders
// them for rq's reader.
func (s *Server) eligibility(ctx context.Context, rq *request, x requests.Request) (eligibilityView, error) {
	ev := eligibilityView{CanEvaluate: x.MergedInto == 0 && access.Can(rq.P, access.EditChild, x.Target()) == nil}
	lines, err := s.svc.ExplainAllocation(ctx, rq.L, rq.P, x.ID)
	if err != nil {
		return ev, err
	}
	for _, l := range lines {
		ev.Allocation = append(ev.Allocation, l.Explanation)
	}
	st, err := s.svc.Eligibility.Current(ctx, rq.P, x.ID)
	if errs.CodeOf(err) == errs.NotFound {
		return ev, nil
	} else if err != nil {
		return ev, err
	}
	ex, err := s.svc.Explain(ctx, rq.L, st)
	if err != nil {
		return ev, err
	}
	ev.Evaluated, ev.Version, ev.ComputedAt, ev.Lines = true, st.Version, st.ComputedAt, ex.Long
	hist, err := s.svc.Eligibility.History(ctx, rq.P, x.ID)
	if err != nil {
		return ev, err
	}
	for _, h := range hist {
		ex, err := s.svc.Explain(ctx, rq.L, h)
		if err != nil {
			return ev, err
		}
		ev.History = append(ev.History, pastResult{ComputedAt: h.ComputedAt, Version: h.Version, Summary: ex.Long[0]})
	}
	return ev, nil
}

// Evaluate evaluates the {id} request again with its campaign's current
// rules: its result so far goes to its history.
func (s *Server) Evaluate(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Eligibility.EvaluateRequest(r.Context(), rq.P, id); err != nil {
		e := errs.As(err)
		if e == nil || e.Code != errs.Invalid {
			return err
		}
		return s.renderRequest(w, r, rq, kit.NewForm(nil, transitionFields...), rq.L.T(e.Key, e.Args...), http.StatusUnprocessableEntity)
	}
	s.Flash(r, "requests.evaluated")
	return kit.SeeOther(w, r, requestURL(id)+"#eligibility")
}
