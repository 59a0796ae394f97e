package campaign

import (
	"context"
	"database/sql"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
)

// Status is where a campaign stands.
type Status string

// The statuses of a campaign.
const (
	Draft    Status = "draft"    // being prepared; not public
	Open     Status = "open"     // takes applications until its deadline
	Closed   Status = "closed"   // takes none; requests are still worked
	Reported Status = "reported" // its results are frozen
)

// Statuses lists the statuses in order.
func Statuses() []Status { return []Status{Draft, Open, Closed, Reported} }

// next are the moves each status allows. A closed campaign may open again
// (a deadline extended); a reported one is final, its results frozen.
var next = map[Status][]Status{
	Draft:  {Open},
	Open:   {Closed},
	Closed: {Open, Reported},
}

// Next lists the statuses a campaign in status s may move to.
func (s Status) Next() []Status { return next[s] }

// Transition moves campaign id, which p has read at version, to status
// to. Opening needs something offered and a region covered; reporting
// freezes what the campaign gave into its results. A move not allowed
// from the current status is refused and nothing changes; a campaign
// changed since version is a conflict.
func (s *Service) Transition(ctx context.Context, p access.Principal, id int64, version int, to Status) (Campaign, error) {
	var out Campaign
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		c, err := s.managed(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if c.Version != version {
			return errChanged(c)
		}
		if !slices.Contains(c.Status.Next(), to) {
			return errs.New(errs.Conflict, "error.campaign_transition", "From", string(c.Status), "To", string(to))
		}
		if to == Open && (len(c.Items) == 0 || len(c.Regions) == 0) {
			return errs.New(errs.Invalid, "error.campaign_incomplete")
		}
		// The status first: its row lock makes a second editor who read
		// the same version wait here, then find it changed, before either
		// freezes any result.
		now := s.now().UTC()
		res, err := tx.ExecContext(ctx, s.q.SetStatus, string(to), now, c.ID, version)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return errChanged(c)
		}
		if to == Reported {
			if _, err := tx.ExecContext(ctx, s.q.FreezeResults, c.ID); err != nil {
				return err
			}
		}
		before := c
		c.Status, c.Version, c.UpdatedAt = to, c.Version+1, now
		out = c
		return s.log.Record(ctx, tx, p, audit.Change{Action: "set_status", Entity: "campaign", EntityID: itoa(c.ID),
			OrgPath: c.orgPath, RegionPath: c.regionPath, Before: statusOf(before), After: statusOf(c)})
	})
	return out, err
}

// statusOf is what the change log keeps of a transition.
func statusOf(c Campaign) map[string]any {
	return map[string]any{"status": c.Status, "version": c.Version}
}

// errChanged tells an editor that someone else changed campaign c first.
func errChanged(c Campaign) error {
	return errs.New(errs.Conflict, "error.campaign_changed", "Version", c.Version)
}
