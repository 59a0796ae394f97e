package matching

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
)

// Runs lists the runs within p's scope, newest first, and the
// next page's cursor.
func (s *Service) Runs(ctx context.Context, p access.Principal, pg store.Page) ([]Run, string, error) {
	if err := access.Can(p, access.ViewMatching, p.Scope()); err != nil {
		return nil, "", err
	}
	rs, err := store.Select(ctx, s.db.R, scanRun, s.q.Runs, store.Args(p.ScopeArgs(), []any{pg.BeforeArg(), pg.LimitArg()})...)
	if err != nil {
		return nil, "", err
	}
	rs, next := store.Trim(pg, rs, func(r Run) int64 { return r.ID })
	return rs, next, nil
}

// GetRun returns run id if p may see it.
func (s *Service) GetRun(ctx context.Context, p access.Principal, id int64) (Run, error) {
	r, err := scanRun(s.db.R.QueryRowContext(ctx, s.q.RunByID, id))
	if err != nil {
		return Run{}, store.NotFound(err)
	}
	if err := access.Can(p, access.ViewMatching, r.Target()); err != nil {
		return Run{}, err
	}
	return r, nil
}

// MaxPage is the most proposals or unmatched young people one read
// returns.
const MaxPage = 500

// RunProposals returns a page of run id's proposals by id after the
// proposal after (0 for the first), at most limit (MaxPage when 0).
func (s *Service) RunProposals(ctx context.Context, p access.Principal, id, after int64, limit int) ([]Proposal, error) {
	if _, err := s.GetRun(ctx, p, id); err != nil {
		return nil, err
	}
	if limit <= 0 || limit > MaxPage {
		limit = MaxPage
	}
	return store.Select(ctx, s.db.R, scanProposal, s.q.ProposalFrom+" "+s.q.RunProposals, id, after, limit)
}

// RunUnmatched returns a page of the young people run id left unmatched,
// by id after the young person after, with the reasons.
func (s *Service) RunUnmatched(ctx context.Context, p access.Principal, id, after int64, limit int) ([]Unmatched, error) {
	if _, err := s.GetRun(ctx, p, id); err != nil {
		return nil, err
	}
	if limit <= 0 || limit > MaxPage {
		limit = MaxPage
	}
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (Unmatched, error) {
		var u Unmatched
		var args string
		if err := sc.Scan(&u.YouthID, &u.YouthName, &u.Reason.Key, &args); err != nil {
			return u, err
		}
		var err error
		u.Reason.Args, err = storedArgs(args)
		return u, err
	}, s.q.RunUnmatched, id, after, limit)
}

// storedArgs reads a reason's arguments as a run stored them, in JSON. A
// day (a mentor's vetting that expired), which i18n.Day wrote as
// yyyy-mm-dd, is read back as a day, so the page writes it in the
// reader's calendar.
func storedArgs(js string) ([]any, error) {
	var args []any
	if err := json.Unmarshal([]byte(js), &args); err != nil {
		return nil, err
	}
	for i := 1; i < len(args); i += 2 {
		if v, ok := args[i].(string); ok && len(v) == len(time.DateOnly) {
			if t, err := time.Parse(time.DateOnly, v); err == nil {
				args[i] = i18n.Day(t)
			}
		}
	}
	return args, nil
}

// ForYouth returns young person id's proposals, the newest first: what
// their own page shows (the young person has no login; the page that
// holds their secret link calls it). A minor's proposal names the mentor
// only once a coordinator has approved it.
func (s *Service) ForYouth(ctx context.Context, youthID int64) ([]Proposal, error) {
	ps, err := store.Select(ctx, s.db.R, scanProposal, s.q.ProposalFrom+" "+s.q.YouthProposals, youthID)
	for i := range ps {
		if ps[i].NeedsApproval() {
			ps[i].MentorName = ""
		}
	}
	return ps, err
}

// proposal reads proposal id through q.
func (s *Service) proposal(ctx context.Context, q store.Querier, id int64) (Proposal, error) {
	pr, err := scanProposal(q.QueryRowContext(ctx, s.q.ProposalFrom+" "+s.q.ProposalByID, id))
	return pr, store.NotFound(err)
}

func scanRun(sc store.Scanner) (Run, error) {
	var r Run
	var params string
	err := sc.Scan(&r.ID, &r.OrgID, &r.OrgPath, &r.RegionPath, &r.Kind, &params, &r.RunBy, &r.RunByName, &r.Youth, &r.Mentors,
		&r.Matched, &r.Unmatched, &r.Preference, &r.Fit, &r.DeadlineDays, &r.CreatedAt)
	if err != nil {
		return r, err
	}
	r.CreatedAt = r.CreatedAt.UTC()
	return r, json.Unmarshal([]byte(params), &r.Params)
}

func scanProposal(sc store.Scanner) (Proposal, error) {
	var p Proposal
	var reasons string
	var approved, replied sql.NullTime
	err := sc.Scan(&p.ID, &p.RunID, &p.YouthID, &p.YouthName, &p.MentorID, &p.MentorName, &p.OrgPath,
		&p.RegionPath, &p.Minor, &p.Choice, &p.Fit, &reasons, &p.Status, &p.Deadline, &approved, &p.ApprovedBy,
		&replied, &p.Reason, &p.Version, &p.CreatedAt)
	if err != nil {
		return p, err
	}
	p.ApprovedAt, p.RepliedAt = store.TimeOf(approved).UTC(), store.TimeOf(replied).UTC()
	p.Deadline, p.CreatedAt = p.Deadline.UTC(), p.CreatedAt.UTC()
	return p, json.Unmarshal([]byte(reasons), &p.Reasons)
}
