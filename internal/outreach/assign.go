package outreach

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Assign gives case id to user userID to work (0: to nobody), who must be
// able to work it. A worker may take a case for themselves; giving it to
// someone else, or to nobody, is a coordinator's (ManageOutreach in the
// case's scope).
func (s *Service) Assign(ctx context.Context, p access.Principal, id int64, version int, userID int64) (Case, error) {
	return s.update(ctx, p, id, version, "assign", func(tx *sql.Tx, c *Case) (string, string, error) {
		if userID != p.UserID || userID == 0 {
			if err := access.Can(p, access.ManageOutreach, c.Target()); err != nil {
				return "", "", err
			}
		}
		if userID == 0 {
			c.AssigneeID = 0
			return "assigned", "", nil
		}
		var active bool
		var name string
		var u access.Principal
		err := tx.QueryRowContext(ctx, s.q.AssigneeScope, userID).Scan(&active, &name, &u.Role, &u.OrgPath, &u.RegionPath)
		switch {
		case errors.Is(err, sql.ErrNoRows) || err == nil && !active:
			return "", "", errs.Validation(errs.Field("assignee", "error.outreach_assignee"))
		case err != nil:
			return "", "", err
		case access.Can(u, access.WorkOutreach, c.Target()) != nil:
			return "", "", errs.Validation(errs.Field("assignee", "error.outreach_assignee_scope", "Name", name))
		}
		c.AssigneeID = userID
		return "assigned", name, nil
	})
}

// Worker is an outreach worker a case may be given to.
type Worker struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Workers returns the active outreach workers who may work case id, by
// name, for p, who needs ManageOutreach in the case's scope (the one who
// gives cases to others); outside it the case is not found.
func (s *Service) Workers(ctx context.Context, p access.Principal, id int64) ([]Worker, error) {
	if err := access.Can(p, access.ManageOutreach, p.Scope()); err != nil {
		return nil, err
	}
	c, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return nil, err
	}
	if access.Can(p, access.ManageOutreach, c.Target()) != nil {
		return nil, errs.ErrNotFound
	}
	type row struct {
		Worker
		p access.Principal
	}
	rows, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (row, error) {
		var r row
		return r, sc.Scan(&r.ID, &r.Name, &r.p.Role, &r.p.OrgPath, &r.p.RegionPath)
	}, s.q.Workers)
	if err != nil {
		return nil, err
	}
	var out []Worker
	for _, r := range rows {
		if access.Can(r.p, access.WorkOutreach, c.Target()) == nil {
			out = append(out, r.Worker)
		}
	}
	return out, nil
}
