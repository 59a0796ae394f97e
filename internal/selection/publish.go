package selection

import (
	"context"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
)

// Publish publishes selection id's shortlist, once its appeal window has
// closed (the day after its last day) and every appeal is decided.
func (s *Service) Publish(ctx context.Context, p access.Principal, id int64) (Selection, error) {
	sel, err := s.writable(ctx, p, id, Appeals)
	if err != nil {
		return Selection{}, err
	}
	if !s.today().After(sel.AppealsClose) {
		return Selection{}, errs.New(errs.Conflict, "error.selection_publish_early", "Date", i18n.Day(sel.AppealsClose))
	}
	err = s.db.Atomic(ctx, func(tx *store.Tx) error {
		if err := tx.Lock(ctx, "selection:"+itoa(id)); err != nil {
			return err
		}
		var open int
		if err := tx.QueryRowContext(ctx, s.q.OpenAppeals, id).Scan(&open); err != nil {
			return err
		}
		if open > 0 {
			return errs.New(errs.Conflict, "error.selection_appeals_pending", "Count", open)
		}
		if err := s.setState(ctx, tx, sel, Published, time.Time{}); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "publish", Entity: "selection", EntityID: itoa(id),
			OrgPath: sel.OrgPath, RegionPath: sel.RegionPath})
	})
	if err != nil {
		return Selection{}, err
	}
	return s.byID(ctx, s.db.R, id)
}

// Listed is one line of a published shortlist: the place, the
// macro-region and the top-level region, and the name only of a young
// person who consented to be named (Named).
type Listed struct {
	Position int        `json:"position"`
	Macro    Macro      `json:"macro"`
	Region   geo.Region `json:"region"`
	Named    bool       `json:"named"`
	Name     string     `json:"name,omitempty"` // first and last name, when Named
}

// Shortlist returns published selection id and its shortlist, for
// anyone: it shows nothing of a young person but their place, region
// and, with their consent, their name. A selection not published is not
// found.
func (s *Service) Shortlist(ctx context.Context, id int64) (Selection, []Listed, error) {
	sel, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Selection{}, nil, err
	}
	if sel.State != Published {
		return Selection{}, nil, errs.ErrNotFound
	}
	ls, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (Listed, error) {
		var l Listed
		var first, last string
		g := &l.Region
		err := sc.Scan(&l.Position, &l.Macro, &g.Code, &g.NameEN, &g.NameKK, &g.NameRU, &g.NameFR, &g.NameFA,
			&l.Named, &first, &last)
		if l.Named {
			l.Name = first + " " + last
		}
		return l, err
	}, s.q.Shortlist, id)
	// The public sees the selection's name and figures, not its scope.
	sel.OrgPath, sel.RegionPath, sel.OrgID = "", "", 0
	return sel, ls, err
}
