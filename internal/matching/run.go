package matching

import (
	"context"
	"encoding/json"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/mentoring/match"
	"github.com/jolproject/jol/internal/store"
)

// lockKey serialises runs and re-matchings: each reads the cohort and
// the mentors' free places and stores its proposals while holding it.
const lockKey = "matching"

// Run matches the cohort of a branch (pr.OrgID, p's own organisation by
// default) narrowed by pr, stores the run,
// its proposals (taking the mentors' places) and its unmatched young
// people, and returns it. p needs RunMatching.
func (s *Service) Run(ctx context.Context, p access.Principal, pr Params) (Run, error) {
	if err := access.Can(p, access.RunMatching, p.Scope()); err != nil {
		return Run{}, err
	}
	if pr.OrgID == 0 {
		pr.OrgID = p.OrgID
	}
	if err := pr.check(); err != nil {
		return Run{}, err
	}
	var path string
	if err := s.db.R.QueryRowContext(ctx, s.q.OrgOf, pr.OrgID).Scan(&path); err != nil {
		return Run{}, errs.Validation(errs.Field("org_id", "error.invalid"))
	}
	if err := access.Can(p, access.RunMatching, access.Target{OrgPath: path, RegionPath: p.RegionPath}); err != nil {
		return Run{}, err
	}
	p.OrgPath = path // the cohort and the mentors are the branch's
	r := Run{OrgID: pr.OrgID, OrgPath: path, RegionPath: p.RegionPath, Kind: KindRun, Params: pr, RunBy: p.UserID, RunByName: p.Name}
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.db.Atomic(ctx, func(tx *store.Tx) error {
		if err := tx.Lock(ctx, lockKey); err != nil {
			return err
		}
		c, err := s.cohortOf(ctx, p, pr, store.Day(s.clock()), 0)
		if err != nil {
			return err
		}
		return s.solveAndStore(ctx, tx, p, c, &r)
	})
	return r, err
}

// check validates and completes a run's parameters.
func (pr *Params) check() error {
	var fs []errs.FieldError
	if pr.OrgID == 0 {
		fs = append(fs, errs.Field("org_id", "error.required", "Field", "org_id"))
	}
	if pr.DeadlineDays == 0 {
		pr.DeadlineDays = DefaultDeadlineDays
	}
	if pr.DeadlineDays < 1 || pr.DeadlineDays > MaxDeadlineDays {
		fs = append(fs, errs.Field("deadline_days", "error.match_deadline_days", "Max", MaxDeadlineDays))
	}
	if !pr.From.IsZero() && !pr.To.IsZero() && pr.To.Before(pr.From) {
		fs = append(fs, errs.Field("to", "error.match_dates"))
	}
	if pr.Rule.Limit < 0 {
		fs = append(fs, errs.Field("limit", "error.invalid"))
	}
	return errs.Validation(fs...)
}

// solveAndStore runs the solver on c and stores run r with its proposals
// and unmatched young people in tx, as p.
func (s *Service) solveAndStore(ctx context.Context, tx *store.Tx, p access.Principal, c *cohort, r *Run) error {
	res, err := match.Run(c.in)
	if err != nil {
		return err
	}
	now := s.clock()
	day := store.Day(now)
	r.Youth, r.Mentors, r.DeadlineDays, r.CreatedAt = len(c.in.Youth), len(c.in.Mentors), r.Params.DeadlineDays, now
	deadline := deadlineOf(day, r.Params.DeadlineDays)
	unmatched := res.Unmatched
	// A mentor's capacity or standing may have changed since the read;
	// the young person is then left with that reason.
	wants := make([]mentoring.Want, len(res.Matches))
	for i, m := range res.Matches {
		wants[i] = mentoring.Want{Mentor: m.Mentor, Minor: c.members[m.Youth].minor}
	}
	refusals, err := s.men.TakeMany(ctx, tx.Tx, wants, day)
	if err != nil {
		return err
	}
	var taken []match.Match
	for i, m := range res.Matches {
		if e := errs.As(refusals[i]); e != nil {
			unmatched = append(unmatched, match.Unmatched{Youth: m.Youth, Reason: match.Reason{Key: e.Key, Args: e.Args}})
			continue
		}
		taken = append(taken, m)
		r.Preference += preferenceOf(m.Choice)
		r.Fit += m.Fit.Points()
	}
	r.Matched, r.Unmatched = len(taken), len(unmatched)
	params, err := json.Marshal(r.Params)
	if err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, s.q.InsertRun, r.OrgID, r.OrgPath, r.RegionPath, r.Kind, string(params), store.NullID(r.RunBy),
		r.RunByName, r.Youth, r.Mentors, r.Matched, r.Unmatched, r.Preference, r.Fit, r.DeadlineDays, now).Scan(&r.ID); err != nil {
		return err
	}
	// One prepared statement each for the many rows, not one parse a row.
	insP, err := tx.PrepareContext(ctx, s.q.InsertProposal)
	if err != nil {
		return err
	}
	defer insP.Close()
	insU, err := tx.PrepareContext(ctx, s.q.InsertUnmatched)
	if err != nil {
		return err
	}
	defer insU.Close()
	for _, m := range taken {
		who := c.members[m.Youth]
		reasons, err := json.Marshal(reasonsOf(m.Reasons))
		if err != nil {
			return err
		}
		var id int64
		if err := insP.QueryRowContext(ctx, r.ID, m.Youth, m.Mentor, who.orgPath, who.regionPath,
			who.minor, m.Choice, m.Fit.Points(), string(reasons), deadline, now).Scan(&id); err != nil {
			return err
		}
	}
	for _, u := range unmatched {
		args, err := json.Marshal(u.Reason.Args)
		if err != nil {
			return err
		}
		if _, err := insU.ExecContext(ctx, r.ID, u.Youth, u.Reason.Key, string(args)); err != nil {
			return err
		}
	}
	return s.log.Record(ctx, tx, p, audit.Change{Action: "match", Entity: "match_run", EntityID: itoa(r.ID),
		OrgPath: r.OrgPath, After: r})
}

// preferenceOf is the worth of a choice: 3 for a first, 2, 1, else 0.
func preferenceOf(choice int) int {
	if choice == 0 {
		return 0
	}
	return match.MaxChoices + 1 - choice
}

// deadlineOf is the end of a reply window of days that starts on day:
// the midnight after its last day.
func deadlineOf(day time.Time, days int) time.Time { return day.AddDate(0, 0, days+1) }
