package matching

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
)

// SweepInterval is how often a serving installation sweeps.
const SweepInterval = 15 * time.Minute

// Sweep expires the pending proposals past their deadline, giving their
// mentors' places back, then matches again every young person declined
// or expired and not yet re-matched (Rematch). It returns how many
// proposals expired and how many new ones the re-matching made.
func (s *Service) Sweep(ctx context.Context) (expired, proposed int, err error) {
	now := s.clock()
	due, err := store.Select(ctx, s.db.R, func(sc store.Scanner) ([2]int64, error) {
		var v [2]int64
		return v, sc.Scan(&v[0], &v[1])
	}, s.q.Due, now)
	if err != nil {
		return 0, 0, err
	}
	for _, d := range due {
		err := s.db.Atomic(ctx, func(tx *store.Tx) error {
			pr, err := s.proposal(ctx, tx, d[0])
			if err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, s.q.Expire, d[0], now)
			if err := affected(res, err); err != nil {
				return err
			}
			if err := s.men.Release(ctx, tx.Tx, pr.MentorID); err != nil {
				return err
			}
			after := pr
			after.Status, after.RepliedAt, after.Version = Expired, now, pr.Version+1
			return s.log.Record(ctx, tx, access.System, audit.Change{Action: "expire", Entity: "match_proposal",
				EntityID: itoa(pr.ID), OrgPath: pr.OrgPath, RegionPath: pr.RegionPath, Before: pr, After: after})
		})
		switch {
		case errors.Is(err, errAnswered): // answered in between
		case err != nil:
			return expired, 0, err
		default:
			expired++
		}
	}
	proposed, err = s.Rematch(ctx)
	return expired, proposed, err
}

// Rematch matches again, run by run, the young people whose proposals
// were declined or expired and whom no re-matching has taken up yet:
// each with the mentors of the run's branch and the run's rule, never
// with a mentor who declined them or let them expire. Each run's
// re-matching is stored as a run of kind rematch. It returns how many
// proposals it made.
func (s *Service) Rematch(ctx context.Context) (int, error) {
	type open struct{ proposal, youth, run int64 }
	todo, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (open, error) {
		var o open
		return o, sc.Scan(&o.proposal, &o.youth, &o.run)
	}, s.q.ToRematch)
	if err != nil || len(todo) == 0 {
		return 0, err
	}
	byRun := map[int64][]open{}
	var runs []int64
	for _, o := range todo {
		if byRun[o.run] == nil {
			runs = append(runs, o.run)
		}
		byRun[o.run] = append(byRun[o.run], o)
	}
	proposed := 0
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range runs {
		err := s.db.Atomic(ctx, func(tx *store.Tx) error {
			if err := tx.Lock(ctx, lockKey); err != nil {
				return err
			}
			from, err := scanRun(s.db.R.QueryRowContext(ctx, s.q.RunByID, id))
			if err != nil {
				return err
			}
			sys := access.Principal{Name: access.System.Name, Role: access.Admin, OrgID: from.OrgID, OrgPath: from.OrgPath,
				RegionPath: from.RegionPath}
			pr := Params{Rule: from.Params.Rule, DeadlineDays: from.Params.DeadlineDays}
			c, err := s.cohortOf(ctx, sys, pr, store.Day(s.clock()), 0)
			if err != nil {
				return err
			}
			want := map[int64]bool{}
			for _, o := range byRun[id] {
				want[o.youth] = true
			}
			c.only(want)
			r := Run{OrgID: from.OrgID, OrgPath: from.OrgPath, RegionPath: from.RegionPath, Kind: KindRematch, Params: pr, RunByName: sys.Name}
			if len(c.in.Youth) > 0 {
				if err := s.solveAndStore(ctx, tx, sys, c, &r); err != nil {
					return err
				}
			}
			proposed += r.Matched
			now := s.clock()
			for _, o := range byRun[id] {
				if _, err := tx.ExecContext(ctx, s.q.Rematched, o.proposal, now); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return proposed, err
		}
	}
	return proposed, nil
}

// only keeps the young people of c in want, and their exclusions.
func (c *cohort) only(want map[int64]bool) {
	ys := c.in.Youth[:0]
	for _, y := range c.in.Youth {
		if want[y.ID] {
			ys = append(ys, y)
		}
	}
	c.in.Youth = ys
	ex := c.in.Exclude[:0]
	for _, p := range c.in.Exclude {
		if want[p.Youth] {
			ex = append(ex, p)
		}
	}
	c.in.Exclude = ex
}

// SweepEvery sweeps every interval until ctx ends, logging what it did.
func (s *Service) SweepEvery(ctx context.Context, every time.Duration, logger *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		expired, proposed, err := s.Sweep(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			logger.Warn("matching sweep", "err", err)
		case expired > 0 || proposed > 0:
			logger.Info("matching sweep", "expired", expired, "proposed", proposed)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
