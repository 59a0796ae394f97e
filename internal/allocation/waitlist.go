package allocation

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// The waiting list is served again, in rank order, whenever stock that
// may reach it arrives: a run over the lines still waiting, with every
// hold kept (they are reserved, so not available, and count against the
// quotas). The allocation page's button runs it at once; the server runs
// it as the job JobKind, which WatchStock queues when it sees more stock
// available for a campaign with requests waiting.

// JobKind is the kind of the job that allocates a campaign's waiting list.
const JobKind = "allocation.waitlist"

// waitlistJob is the job's payload.
type waitlistJob struct {
	CampaignID int64 `json:"campaign_id"`
}

// stockArrived is the principal the job runs as.
func stockArrived() access.Principal {
	return access.Principal{Name: "allocation (stock arrived)", Role: access.Admin}
}

// AllocateWaitlist commits a waitlist run of campaign id at its current
// allocation version.
func (s *Service) AllocateWaitlist(ctx context.Context, p access.Principal, id int64, via string) (*Plan, Run, error) {
	v, err := s.version(ctx, s.db.R, id)
	if err != nil {
		return nil, Run{}, err
	}
	return s.Commit(ctx, p, id, CommitOptions{Version: v, Kind: KindWaitlist, Via: via})
}

// HandleWaitlist runs the job: it plans the waiting list of the campaign
// and, when the plan serves anyone, commits the waiting list as it is
// then. A campaign no longer open is passed over, and so is a commit
// left with nothing to serve; a commit that met another is retried by the
// queue, and a job failing every try is queued again by WatchStock.
func (s *Service) HandleWaitlist(ctx context.Context, j *jobs.Job, progress jobs.Progress) (string, error) {
	var pl waitlistJob
	if err := j.Decode(&pl); err != nil {
		return "", err
	}
	c, err := s.allocatable(ctx, stockArrived(), pl.CampaignID)
	if errs.CodeOf(err) == errs.Conflict {
		return "campaign not open", nil
	} else if err != nil {
		return "", err
	}
	src, err := s.sources(ctx, c)
	if err != nil {
		return "", err
	}
	plan, err := s.plan(ctx, c, src)
	if err != nil {
		return "", err
	}
	if plan.Served == 0 {
		return "nothing to serve", nil
	}
	// No digest: no one saw this plan, and the commit plans again from
	// what its transaction sees, so stock or requests that changed since
	// are served as they are now rather than failing the job.
	_, run, err := s.Commit(ctx, stockArrived(), c.ID, CommitOptions{Version: plan.Version, Kind: KindWaitlist,
		Via: "job"})
	if e := errs.As(err); e != nil && e.Key == "error.allocation_nothing_to_commit" {
		return "nothing to serve", nil // another run took the stock first
	} else if err != nil {
		return "", err
	}
	progress.Set(1, 1)
	out, err := json.Marshal(run)
	return string(out), err
}

// WatchStock looks every interval, until ctx ends, at the open campaigns
// with requests waiting, and queues JobKind for each with stock available
// (of its items, at its organiser's open warehouses) when stock arrived
// since it last looked (see look), or on its first look: the first look
// after a start queues a job for every such campaign with stock. A job
// that failed (it lost its race with other commits every time) is queued
// again on the next look when the stock available would still serve
// someone. A campaign with a job queued and not yet started gets no
// other. The job plans first and commits only when it serves someone.
func (s *Service) WatchStock(ctx context.Context, every time.Duration, logger *slog.Logger) {
	seen := map[int64]look{}
	t := time.NewTicker(every)
	defer t.Stop()
	once := func() {
		defer func() {
			if p := recover(); p != nil {
				logger.Error("allocation: watching stock", "panic", p)
			}
		}()
		if err := s.watchOnce(ctx, seen); err != nil && ctx.Err() == nil {
			logger.Error("allocation: watching stock", "err", err)
		}
	}
	for {
		once()
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// look is what WatchStock saw of a campaign. Stock arrived when Inflow —
// the stock available plus every unit ever held for the campaign's
// requests — grew: a run of the waiting list moves units from available
// to held and a handover from held to handed, neither changing it, while
// a receipt, a return or a released hold raises it. The available sum
// alone would miss a receipt that a job's run hid: two units served, two
// received between two looks, the same sum.
type look struct {
	Available, Inflow int64
	// Failed is the latest failed job of the campaign's waiting list the
	// watcher has answered (queued again, or found nothing to serve).
	Failed int64
}

// watchOnce is one look of WatchStock.
func (s *Service) watchOnce(ctx context.Context, seen map[int64]look) error {
	if s.Jobs == nil {
		return nil
	}
	ids, err := store.Select(ctx, s.db.R, store.ScanID, s.q.WaitingCampaigns)
	if err != nil {
		return err
	}
	for _, id := range ids {
		now, err := s.lookAt(ctx, id)
		if err != nil {
			return err
		}
		before, looked := seen[id]
		now.Failed = before.Failed
		seen[id] = now
		if now.Available == 0 {
			continue
		}
		payload, err := json.Marshal(waitlistJob{CampaignID: id})
		if err != nil {
			return err
		}
		var queued, failed int64
		if err := s.db.R.QueryRowContext(ctx, s.q.WaitlistJobs, JobKind, string(payload)).Scan(&queued, &failed); err != nil {
			return err
		}
		if queued > 0 {
			continue // that job plans when it starts, and sees this stock
		}
		if looked && now.Inflow <= before.Inflow {
			if failed == before.Failed {
				continue
			}
			now.Failed = failed
			seen[id] = now
			serves, err := s.wouldServe(ctx, id)
			if err != nil {
				return err
			}
			if !serves {
				continue
			}
		}
		now.Failed = failed
		seen[id] = now
		if _, err := s.Jobs.Enqueue(ctx, s.db.W, JobKind, waitlistJob{CampaignID: id}, jobs.MaxAttempts(3)); err != nil {
			return fmt.Errorf("queue the waiting list of campaign %d: %w", id, err)
		}
	}
	return nil
}

// wouldServe reports whether a run of campaign id's waiting list would
// serve anyone now; a campaign no longer open serves no one.
func (s *Service) wouldServe(ctx context.Context, id int64) (bool, error) {
	c, err := s.allocatable(ctx, stockArrived(), id)
	if errs.CodeOf(err) == errs.Conflict {
		return false, nil
	} else if err != nil {
		return false, err
	}
	src, err := s.sources(ctx, c)
	if err != nil {
		return false, err
	}
	plan, err := s.plan(ctx, c, src)
	if err != nil {
		return false, err
	}
	return plan.Served > 0, nil
}

// lookAt reads campaign id's look: the stock available to it (of its
// items, at the open warehouses of its organiser and partners) and the
// units ever held for its requests.
func (s *Service) lookAt(ctx context.Context, id int64) (look, error) {
	c, err := s.Campaigns.Get(ctx, access.System, id)
	if err != nil {
		return look{}, err
	}
	src, err := s.sources(ctx, c)
	if err != nil {
		return look{}, err
	}
	var l look
	for _, scope := range src.scopes {
		avail, err := s.Stock.Available(ctx, nil, stock.AvailableFilter{CampaignID: id, OrgPath: scope})
		if err != nil {
			return look{}, err
		}
		for _, a := range avail {
			l.Available += a.Available
		}
	}
	var held int64
	if err := s.db.R.QueryRowContext(ctx, s.q.CampaignHolds, id).Scan(&held); err != nil {
		return look{}, err
	}
	l.Inflow = l.Available + held
	return l, nil
}
