package outreach

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// KindCase is the access log's word for a case read.
const KindCase = "outreach_case"

// View is a case with what hangs off it, as its page shows it.
type View struct {
	Case
	Events    []Event    `json:"events"`
	Needs     []NeedNote `json:"needs"`
	Referrals []Referral `json:"referrals"`
	Checks    []Check    `json:"checks"`
}

// Get returns case id with its timeline, needs, referrals and checks; p
// needs ViewOutreach in the case's scope, outside which the case is not
// found. Every reading writes the access
// log (via says where: "web", "api").
func (s *Service) Get(ctx context.Context, p access.Principal, id int64, via string) (View, error) {
	if err := access.Can(p, access.ViewOutreach, p.Scope()); err != nil {
		return View{}, err
	}
	c, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return View{}, err
	}
	if access.Can(p, access.ViewOutreach, c.Target()) != nil {
		return View{}, errs.ErrNotFound // a case outside the scope is not there for p
	}
	if err := s.log.ViewedIn(ctx, p, KindCase, itoa(c.ID), c.Target(), via); err != nil {
		return View{}, err
	}
	v := View{Case: c}
	if v.Events, err = store.Select(ctx, s.db.R, func(sc store.Scanner) (Event, error) {
		var e Event
		err := sc.Scan(&e.At, &e.UserID, &e.User, &e.Kind, &e.Detail)
		e.At = e.At.UTC()
		return e, err
	}, s.q.Events, id); err != nil {
		return View{}, err
	}
	if v.Needs, err = store.Select(ctx, s.db.R, scanNeed, s.q.Needs, id); err != nil {
		return View{}, err
	}
	if v.Referrals, err = store.Select(ctx, s.db.R, scanReferral, s.q.Referrals, id); err != nil {
		return View{}, err
	}
	v.Checks, err = store.Select(ctx, s.db.R, func(sc store.Scanner) (Check, error) {
		var k Check
		err := sc.Scan(&k.Month, &k.Attending, &k.CheckedOn, &k.Note)
		k.CheckedOn = k.CheckedOn.UTC()
		return k, err
	}, s.q.Checks, id)
	return v, err
}

// Filter narrows the queue to the cases assigned to the reader.
type Filter struct{ Mine bool }

// Page asks for a page of the queue: after Cursor (from the start when
// ""), at most Limit cases, skipping Skip first.
type Page struct {
	Cursor string
	Limit  int
	Skip   int
}

// Queue returns a page of the open cases of p's scope, the nearest
// deadline first (so the overdue ones are on top), and the cursor of the
// next page ("" after the last). It names the children, as lists of the
// registry do, and writes no access-log entry: opening a case does.
func (s *Service) Queue(ctx context.Context, p access.Principal, f Filter, pg Page) ([]Case, string, error) {
	list, _, args, err := s.queueQuery(p, f, pg)
	if err != nil {
		return nil, "", err
	}
	out, err := store.Select(ctx, s.db.R, scanCase, list, args...)
	if err != nil {
		return nil, "", err
	}
	out, next := store.TrimBy(store.ParsePage("", itoa(int64(pg.Limit))), out, func(c Case) string {
		return store.DayCursor{Day: c.DueOn, ID: c.ID}.String()
	})
	return out, next, nil
}

// QueueCount is how many cases Queue pages through for f, up to
// store.CountCap.
func (s *Service) QueueCount(ctx context.Context, p access.Principal, f Filter) (store.Count, error) {
	_, count, args, err := s.queueQuery(p, f, Page{Limit: store.CountCap})
	if err != nil {
		return store.Count{}, err
	}
	var n int
	if err := s.db.R.QueryRowContext(ctx, count, args...).Scan(&n); err != nil {
		return store.Count{}, fmt.Errorf("count cases: %w", err)
	}
	return store.Counted(n), nil
}

func (s *Service) queueQuery(p access.Principal, f Filter, pg Page) (list, count string, args []any, err error) {
	if err := access.Can(p, access.ViewOutreach, p.Scope()); err != nil {
		return "", "", nil, err
	}
	page := store.ParsePage("", itoa(int64(pg.Limit)))
	page.Skip = pg.Skip
	due, id := store.ParseDayCursor(pg.Cursor).Start()
	args = store.Args(p.ScopeArgs(), []any{due, id, page.LimitArg(), page.SkipArg()})
	if f.Mine {
		return s.q.QueueMine, s.q.CountQueueMine, append(args, p.UserID), nil
	}
	return s.q.Queue, s.q.CountQueue, args, nil
}

// Stage counts how far cases got.
type Stage struct {
	Key       string `json:"key"` // the district's region path, or the reason
	Flagged   int    `json:"flagged"`
	Contacted int    `json:"contacted"`
	Supported int    `json:"supported"`
	Enrolled  int    `json:"enrolled"`
	Retained  int    `json:"retained"`
	Lost      int    `json:"lost"` // closed as moved away or not found
}

// Funnel counts the cases of p's scope by how far they got, per district
// (byReason false; Key is the district's region path) or per reason given
// for not attending (Key "" for the cases not contacted yet). A case
// counts at every step it ever reached: one sent back by a check still
// counts as enrolled once.
func (s *Service) Funnel(ctx context.Context, p access.Principal, byReason bool) ([]Stage, error) {
	if err := access.Can(p, access.ViewOutreach, p.Scope()); err != nil {
		return nil, err
	}
	by := 0
	if byReason {
		by = 1
	}
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (Stage, error) {
		var st Stage
		return st, sc.Scan(&st.Key, &st.Flagged, &st.Contacted, &st.Supported, &st.Enrolled, &st.Retained, &st.Lost)
	}, s.q.Funnel, store.Args(p.ScopeArgs(), []any{by})...)
}

// OpenCase returns the open case of person personID, not found when the
// child has none or it lies outside p's scope (p needs ViewOutreach in
// it). The reading writes the access log, as Get's does.
func (s *Service) OpenCase(ctx context.Context, p access.Principal, personID int64, via string) (Case, error) {
	if err := access.Can(p, access.ViewOutreach, p.Scope()); err != nil {
		return Case{}, err
	}
	c, err := scanCase(s.db.R.QueryRowContext(ctx, s.q.OpenByPerson, personID))
	if err != nil {
		return Case{}, store.NotFound(err)
	}
	if access.Can(p, access.ViewOutreach, c.Target()) != nil {
		return Case{}, errs.ErrNotFound
	}
	return c, s.log.ViewedIn(ctx, p, KindCase, itoa(c.ID), c.Target(), via)
}
