package audit

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Entry is one row of the change log.
type Entry struct {
	ID       int64     `json:"id"`
	At       time.Time `json:"at"`
	ActorID  int64     `json:"actor_id,omitempty"`
	Actor    string    `json:"actor"`
	Action   string    `json:"action"`
	Entity   string    `json:"entity"`
	EntityID string    `json:"entity_id"`
	Before   string    `json:"before,omitempty"`
	After    string    `json:"after,omitempty"`
}

// Filter narrows the change log; zero fields match everything.
type Filter struct {
	Entity   string
	EntityID string
	ActorID  int64
	Action   string
	From, To time.Time // entries at or after From and before To
}

// span returns the bounds of a From-To filter, the zero ones open.
func span(from, to time.Time) (time.Time, time.Time) {
	if to.IsZero() {
		to = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return from.UTC(), to.UTC()
}

// Changes lists the change log newest first, limited to what p may see
// (the record's organisation and place within p's subtrees; an entry
// without a place only for a reader without a region scope), with the
// cursor of the next page.
func (l *Log) Changes(ctx context.Context, p access.Principal, f Filter, pg store.Page) ([]Entry, string, error) {
	if err := access.Can(p, access.ViewAudit, access.Target{}); err != nil {
		return nil, "", err
	}
	rows, err := l.db.R.QueryContext(ctx, l.q.ListChanges, changesArgs(p, f, pg)...)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var e Entry
		var actor sql.NullInt64
		var orgPath string
		var before, after sql.NullString
		if err := rows.Scan(&e.ID, &e.At, &actor, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &orgPath, &before, &after); err != nil {
			return nil, "", err
		}
		e.ActorID, e.Before, e.After = actor.Int64, before.String, after.String
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	out, next := store.Trim(pg, out, func(e Entry) int64 { return e.ID })
	return out, next, nil
}

// ChangesCount is how many entries Changes pages through for p and f, up
// to store.CountCap: the same query, scope and filters, so it never counts
// an entry p may not read.
func (l *Log) ChangesCount(ctx context.Context, p access.Principal, f Filter) (store.Count, error) {
	if err := access.Can(p, access.ViewAudit, access.Target{}); err != nil {
		return store.Count{}, err
	}
	return store.CountRows(ctx, l.db.R, l.q.ListChanges, changesArgs(p, f, store.Page{Limit: store.CountCap})...)
}

// changesArgs binds ListChanges for p, f and pg.
func changesArgs(p access.Principal, f Filter, pg store.Page) []any {
	from, to := span(f.From, f.To)
	rlo, rhi := access.Span(p.RegionPath)
	return []any{pg.BeforeArg(), p.OrgPath + "%", f.Entity, f.EntityID, f.ActorID, f.Action, from, to,
		pg.LimitArg(), rlo, rhi, pg.SkipArg()}
}

// Access is one row of the access log.
type Access struct {
	ID          int64     `json:"id"`
	At          time.Time `json:"at"`
	UserID      int64     `json:"user_id"`
	UserName    string    `json:"user_name"`
	SubjectKind string    `json:"subject_kind"`
	SubjectID   string    `json:"subject_id"`
	Via         string    `json:"via"`
}

// AccessFilter narrows the access log; zero fields match everything.
type AccessFilter struct {
	SubjectKind string
	SubjectID   string
	UserID      int64
	From, To    time.Time // entries at or after From and before To
}

// Accesses lists the access log newest first, limited to what p may see,
// by organisation and place as Changes.
func (l *Log) Accesses(ctx context.Context, p access.Principal, f AccessFilter, pg store.Page) ([]Access, string, error) {
	if err := access.Can(p, access.ViewAudit, access.Target{}); err != nil {
		return nil, "", err
	}
	rows, err := l.db.R.QueryContext(ctx, l.q.ListAccesses, accessesArgs(p, f, pg)...)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	var out []Access
	for rows.Next() {
		var a Access
		var orgPath string
		if err := rows.Scan(&a.ID, &a.At, &a.UserID, &a.UserName, &a.SubjectKind, &a.SubjectID, &orgPath, &a.Via); err != nil {
			return nil, "", err
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	out, next := store.Trim(pg, out, func(a Access) int64 { return a.ID })
	return out, next, nil
}

// AccessesCount is how many entries Accesses pages through for p and f,
// up to store.CountCap.
func (l *Log) AccessesCount(ctx context.Context, p access.Principal, f AccessFilter) (store.Count, error) {
	if err := access.Can(p, access.ViewAudit, access.Target{}); err != nil {
		return store.Count{}, err
	}
	return store.CountRows(ctx, l.db.R, l.q.ListAccesses, accessesArgs(p, f, store.Page{Limit: store.CountCap})...)
}

// accessesArgs binds ListAccesses for p, f and pg.
func accessesArgs(p access.Principal, f AccessFilter, pg store.Page) []any {
	from, to := span(f.From, f.To)
	rlo, rhi := access.Span(p.RegionPath)
	return []any{pg.BeforeArg(), p.OrgPath + "%", f.SubjectKind, f.SubjectID, f.UserID, from, to,
		pg.LimitArg(), rlo, rhi, pg.SkipArg()}
}
