// Package audit keeps Jol's two append-only logs: the change log (who
// changed what, when, with the record before and after) and the access log
// (who opened a child's or young person's record). Rows are only ever
// inserted; nothing in Jol updates or deletes them.
package audit

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

//go:embed queries*.sql
var queryFS embed.FS

type queries struct {
	InsertChange, ListChanges, InsertAccess, ListAccesses, CountAccesses string
	ChangeActors, AccessUsers                                            string
}

// Log writes and reads both logs.
type Log struct {
	db  *store.DB
	q   queries
	now func() time.Time
	// insertChange is InsertChange prepared on SQLite's one write
	// connection, which every transaction runs on: parsing it cost more
	// than running it on the busiest write paths (request submissions).
	insertChange *sql.Stmt
}

// New returns a Log on db; now is the clock (time.Now in production, a
// fixed clock in tests).
func New(db *store.DB, now func() time.Time) (*Log, error) {
	l := &Log{db: db, now: now}
	if err := store.BindQueries(&l.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	if db.Engine == store.SQLite {
		st, err := db.W.PrepareContext(context.Background(), l.q.InsertChange)
		if err != nil {
			return nil, fmt.Errorf("audit: %w", err)
		}
		l.insertChange = st
	}
	return l, nil
}

// Change describes one domain write. Before is nil for a creation, After
// nil for a deletion; both are stored as JSON.
type Change struct {
	Action   string // "create", "update", "delete", "merge", …
	Entity   string // "user", "organisation", …
	EntityID string
	OrgPath  string // scope of the record, for scoped auditors
	// RegionPath is the record's place, for auditors scoped to a region;
	// "" for a record bound to no place, which only a reader without a
	// region scope sees.
	RegionPath string
	Before     any
	After      any
}

// Record appends c to the change log inside the caller's transaction, so
// the write and its audit entry commit or fail together.
func (l *Log) Record(ctx context.Context, tx store.Querier, p access.Principal, c Change) error {
	before, err := marshal(c.Before)
	if err != nil {
		return err
	}
	after, err := marshal(c.After)
	if err != nil {
		return err
	}
	var actorID sql.NullInt64
	if p.UserID != 0 {
		actorID = sql.NullInt64{Int64: p.UserID, Valid: true}
	}
	args := []any{l.now().UTC(), actorID, p.Name, c.Action, c.Entity, c.EntityID, c.OrgPath, c.RegionPath, before, after}
	if t, ok := tx.(interface {
		StmtContext(context.Context, *sql.Stmt) *sql.Stmt
	}); ok && l.insertChange != nil {
		_, err = t.StmtContext(ctx, l.insertChange).ExecContext(ctx, args...)
	} else {
		_, err = tx.ExecContext(ctx, l.q.InsertChange, args...)
	}
	if err != nil {
		return fmt.Errorf("audit %s %s %s: %w", c.Action, c.Entity, c.EntityID, err)
	}
	return nil
}

// Viewed appends to the access log that p opened a record of organisation
// orgPath bound to no place: kind is "person" or "youth", via says where
// ("web", "api", "export"). A record with a place is logged with ViewedIn.
func (l *Log) Viewed(ctx context.Context, p access.Principal, kind, id, orgPath, via string) error {
	return l.ViewedIn(ctx, p, kind, id, access.Target{OrgPath: orgPath}, via)
}

// ViewedIn is Viewed for a record of scope t: its organisation and its
// place, so a reader scoped to a region sees the entry when the record
// lies within it.
func (l *Log) ViewedIn(ctx context.Context, p access.Principal, kind, id string, t access.Target, via string) error {
	_, err := l.db.Writer(ctx).ExecContext(ctx, l.q.InsertAccess, l.now().UTC(), p.UserID, p.Name, kind, id, t.OrgPath, via, t.RegionPath)
	if err != nil {
		return fmt.Errorf("access log %s %s: %w", kind, id, err)
	}
	return nil
}

func marshal(v any) (sql.NullString, error) {
	if v == nil {
		return sql.NullString{}, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return sql.NullString{}, fmt.Errorf("audit: encode record: %w", err)
	}
	return sql.NullString{String: string(b), Valid: true}, nil
}
