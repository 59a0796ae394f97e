package audit

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Actor is a user as the logs' filters offer them: by name.
type Actor struct {
	ID   int64
	Name string
}

// ChangeActors lists, by name, the users whose changes p may see in the
// change log: the choices of its filter by user.
func (l *Log) ChangeActors(ctx context.Context, p access.Principal) ([]Actor, error) {
	return l.actors(ctx, p, l.q.ChangeActors)
}

// AccessUsers lists, by name, the users whose openings of records p may
// see in the access log.
func (l *Log) AccessUsers(ctx context.Context, p access.Principal) ([]Actor, error) {
	return l.actors(ctx, p, l.q.AccessUsers)
}

func (l *Log) actors(ctx context.Context, p access.Principal, query string) ([]Actor, error) {
	if err := access.Can(p, access.ViewAudit, access.Target{}); err != nil {
		return nil, err
	}
	rlo, rhi := access.Span(p.RegionPath)
	rows, err := l.db.R.QueryContext(ctx, query, p.OrgPath+"%", store.MaxLimit, rlo, rhi)
	if err != nil {
		return nil, fmt.Errorf("audit: users: %w", err)
	}
	defer rows.Close()
	var out []Actor
	for rows.Next() {
		var a Actor
		if err := rows.Scan(&a.ID, &a.Name); err != nil {
			return nil, fmt.Errorf("audit: users: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
