package allocation

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/web/kit"
)

// DryRun plans the {id} campaign's allocation and shows the plan on the
// page, with the button that commits it.
func (s *Server) DryRun(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := s.campaignOf(r, rq)
	if err != nil {
		return err
	}
	plan, err := s.svc.Allocation.DryRun(r.Context(), rq.P, c.ID, "web")
	if refused(err) {
		s.Flash(r, errs.As(err).Key)
		return kit.SeeOther(w, r, pageURL(c.ID))
	} else if err != nil {
		return err
	}
	v, err := s.view(r, rq, c, nil, nil)
	if err != nil {
		return err
	}
	n, err := s.names(r.Context(), rq)
	if err != nil {
		return err
	}
	v.Plan = planOf(rq, n, plan)
	s.Render(w, http.StatusOK, "allocation", v)
	return nil
}

// Commit commits the plan the page showed: the form carries the plan's
// version and digest, and the user's confirmation.
func (s *Server) Commit(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := s.campaignOf(r, rq)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "version", "digest", "confirm")
	if f.Values["confirm"] == "" {
		s.Flash(r, "allocation.confirm_needed")
		return kit.SeeOther(w, r, pageURL(c.ID))
	}
	version, _ := strconv.Atoi(f.Values["version"])
	_, run, err := s.svc.Allocation.Commit(r.Context(), rq.P, c.ID, allocation.CommitOptions{Version: version,
		Digest: f.Values["digest"], Via: "web"})
	if refused(err) {
		s.Flash(r, errs.As(err).Key)
		return kit.SeeOther(w, r, pageURL(c.ID))
	} else if err != nil {
		return err
	}
	s.Flash(r, "allocation.committed")
	return kit.SeeOther(w, r, runURL(c.ID, run.ID))
}

// Waitlist serves the {id} campaign's waiting list from the stock
// available now.
func (s *Server) Waitlist(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := s.campaignOf(r, rq)
	if err != nil {
		return err
	}
	_, run, err := s.svc.Allocation.AllocateWaitlist(r.Context(), rq.P, c.ID, "web")
	if refused(err) {
		s.Flash(r, errs.As(err).Key)
		return kit.SeeOther(w, r, pageURL(c.ID))
	} else if err != nil {
		return err
	}
	s.Flash(r, "allocation.waitlist_done")
	return kit.SeeOther(w, r, runURL(c.ID, run.ID))
}

// refused reports whether err is a refusal the page states and goes on:
// a campaign not open, a plan overtaken by another commit or by changes.
func refused(err error) bool { return errs.CodeOf(err) == errs.Conflict }

// Run shows run {run} of the {id} campaign: its figures and its lines'
// outcomes summed by warehouse, region and item.
func (s *Server) Run(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := s.campaignOf(r, rq)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("run"), 10, 64)
	if err != nil {
		return errs.ErrNotFound
	}
	run, lines, err := s.svc.Allocation.Run(r.Context(), rq.P, c.ID, id)
	if err != nil {
		return err
	}
	n, err := s.names(r.Context(), rq)
	if err != nil {
		return err
	}
	p := &allocation.Plan{CampaignID: c.ID, Digest: run.Digest, Objective: run.Objective, Distance: run.Distance,
		Lines: run.Lines, Served: run.Served, Waitlisted: run.Waitlisted, Kept: run.Kept, Results: lines}
	p.Warehouses, p.Regions, p.Items = allocation.Tally(lines)
	v := runView{Page: s.Page(r, rq, "allocation.run_title"), C: c, Name: c.Text(string(rq.L.Locale())).Name,
		Plan: planOf(rq, n, p), Kind: rq.L.T(runKind(run))}
	v.Plan.Run = &run
	v.Title = rq.L.T("allocation.run_title_of", "ID", run.ID)
	s.Render(w, http.StatusOK, "run", v)
	return nil
}

// runView is a run's page.
type runView struct {
	Page
	C    campaign.Campaign
	Name string
	Plan *planView
	Kind string
}

func runURL(campaign, run int64) string { return pageURL(campaign) + "/runs/" + kit.Itoa(run) }
