package requests

import (
	"context"
	"time"
)

// Gate is a condition a campaign sets on who may apply, beyond its
// regions: it answers a domain error (the reason, shown to the applicant)
// for a person born on birth (zero when not recorded) applying to the
// campaign on day, or nil. It runs inside the submission's transaction,
// so it must answer from memory or a quick read of its own.
type Gate func(ctx context.Context, campaignID int64, birth, day time.Time) error

// Hooks connect the requests to the domains that follow them. Set them
// once, before the service is used.
type Hooks struct {
	// Gate, when set, is asked about every new submission.
	Gate Gate
	// Submitted, when set, hears the ids of the requests a commit has just
	// written (not those linked to an existing request). It is called
	// after the commit and must not block: the submitters are waiting.
	Submitted func(ids ...int64)
	// Moved, when set, hears the id of a request whose status a commit
	// has just changed (Transition), after the commit; it must not block.
	Moved func(ids ...int64)
}

// SetHooks sets the hooks of s (and of the services At derives from it
// afterwards).
func (s *Service) SetHooks(h Hooks) { s.hooks = h }

// submitted tells the Submitted hook of the requests written.
func (s *Service) submitted(ids ...int64) {
	if s.hooks.Submitted != nil && len(ids) > 0 {
		s.hooks.Submitted(ids...)
	}
}

// moved tells the Moved hook of requests whose status changed.
func (s *Service) moved(ids ...int64) {
	if s.hooks.Moved != nil && len(ids) > 0 {
		s.hooks.Moved(ids...)
	}
}
