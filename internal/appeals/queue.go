package appeals

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Filter narrows the queue: the appeals of one status (open when ""),
// of one kind (any when ""), and only those assigned to the reader.
type Filter struct {
	Status Status
	Kind   Kind
	Mine   bool
}

// Page asks for a page of the queue: after Cursor (from the start when
// ""), at most Limit appeals, skipping Skip first (a jump to a page by
// number, bounded by store.JumpCap).
type Page struct {
	Cursor string
	Limit  int
	Skip   int
}

// Queue returns a page of the appeals of p's scope that f selects, the
// nearest deadline first (the overdue ones at the top), and the cursor
// of the next page ("" after the last one). The callers' names are the
// registry's where p may see them.
func (s *Service) Queue(ctx context.Context, p access.Principal, f Filter, pg Page) ([]Appeal, string, error) {
	query, _, args, err := s.queueQuery(p, f, pg)
	if err != nil {
		return nil, "", err
	}
	out, err := store.Select(ctx, s.db.R, scanAppeal, query, args...)
	if err != nil {
		return nil, "", err
	}
	out, next := store.TrimBy(store.ParsePage("", itoa(int64(pg.Limit))), out, func(a Appeal) string {
		return store.DayCursor{Day: a.DueOn, ID: a.ID}.String()
	})
	ptrs := make([]*Appeal, len(out))
	for i := range out {
		ptrs[i] = &out[i]
	}
	return out, next, s.named(ctx, p, ptrs)
}

// QueueCount is how many appeals Queue pages through for f, up to
// store.CountCap.
func (s *Service) QueueCount(ctx context.Context, p access.Principal, f Filter) (store.Count, error) {
	_, count, args, err := s.queueQuery(p, f, Page{Limit: store.CountCap})
	if err != nil {
		return store.Count{}, err
	}
	var n int
	if err := s.db.R.QueryRowContext(ctx, count, args...).Scan(&n); err != nil {
		return store.Count{}, fmt.Errorf("count appeals: %w", err)
	}
	return store.Counted(n), nil
}

// queueQuery picks the query of f and its count (each reads its own
// index in deadline order) and binds their arguments: the scope, the
// status, the cursor, the limit and the offset, then the kind and the
// assignee where f asks.
func (s *Service) queueQuery(p access.Principal, f Filter, pg Page) (list, count string, args []any, err error) {
	if err := access.Can(p, access.ViewAppeals, p.Scope()); err != nil {
		return "", "", nil, err
	}
	if f.Status == "" {
		f.Status = Open
	}
	if !oneOf(f.Status, Statuses()) {
		return "", "", nil, errs.Validation(valid.Choice("status", Statuses()...))
	}
	if f.Kind != "" && !oneOf(f.Kind, Kinds()) {
		return "", "", nil, errs.Validation(valid.Choice("kind", Kinds()...))
	}
	page := store.ParsePage("", itoa(int64(pg.Limit)))
	page.Skip = pg.Skip
	due, id := store.ParseDayCursor(pg.Cursor).Start()
	args = store.Args(p.ScopeArgs(), []any{f.Status, due, id, page.LimitArg(), page.SkipArg()})
	switch {
	case f.Kind != "" && f.Mine:
		return s.q.QueueKindMine, s.q.CountQueueKindMine, append(args, f.Kind, p.UserID), nil
	case f.Kind != "":
		return s.q.QueueKind, s.q.CountQueueKind, append(args, f.Kind), nil
	case f.Mine:
		return s.q.QueueMine, s.q.CountQueueMine, append(args, p.UserID), nil
	}
	return s.q.Queue, s.q.CountQueue, args, nil
}
