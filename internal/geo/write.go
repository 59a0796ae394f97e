package geo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
)

// outcome is what put did with a region.
type outcome int

const (
	unchanged outcome = iota
	created
	updated
)

// put creates or updates want, matched by code, inside tx (which holds
// LockTree). want's ParentCode, Type, names and Builtin are taken as given;
// its ID, Country and Path are derived from the parent. keep, when not nil,
// copies into want the fields the caller did not supply, from the stored
// region. A row the caller may not write comes back as a *RowError and
// nothing is written; any other error means the transaction must fail.
func (s *Service) put(ctx context.Context, tx *sql.Tx, p access.Principal, want Region,
	keep func(old Region, want *Region)) (outcome, *RowError, error) {
	var parentID sql.NullInt64
	want.Country, want.Path = want.Code, ChildPath("", want.Code)
	if want.ParentCode != "" {
		par, err := s.byCode(ctx, tx, want.ParentCode)
		if errors.Is(err, store.ErrNotFound) {
			return 0, &RowError{Column: "parent_code", Value: want.ParentCode, Key: "error.unknown_parent"}, nil
		} else if err != nil {
			return 0, nil, err
		}
		parentID = sql.NullInt64{Int64: par.ID, Valid: true}
		want.Country, want.Path = par.Country, ChildPath(par.Path, want.Code)
	}
	old, err := s.byCode(ctx, tx, want.Code)
	if errors.Is(err, store.ErrNotFound) {
		return created, nil, s.insert(ctx, tx, p, want, parentID)
	} else if err != nil {
		return 0, nil, err
	}
	if keep != nil {
		keep(old, &want)
	}
	want.ID = old.ID
	if old.Builtin && !want.Builtin {
		if want.Builtin = true; old != want {
			return 0, &RowError{Column: "code", Value: want.Code, Key: "error.builtin"}, nil
		}
	}
	if old == want {
		return unchanged, nil, nil
	}
	if want.Path != old.Path && InSubtree(want.Path, old.Path) {
		return 0, &RowError{Column: "parent_code", Value: want.ParentCode, Key: "error.cycle"}, nil
	}
	_, err = tx.ExecContext(ctx, s.q.Update, parentID, want.Country, want.Type, want.Path,
		want.NameEN, want.NameKK, want.NameRU, want.NameFR, want.NameFA, want.Builtin, want.searchKey(), want.ID)
	if err == nil && want.Path != old.Path {
		_, err = tx.ExecContext(ctx, s.q.MovePaths, want.Path, len(old.Path)+1, want.Country, old.Path+"%")
		for _, f := range s.moved {
			if err == nil {
				err = f(ctx, tx, old.Path, want.Path)
			}
		}
	}
	if err != nil {
		return 0, nil, err
	}
	return updated, nil, s.log.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "region",
		EntityID: want.Code, Before: old, After: want})
}

func (s *Service) insert(ctx context.Context, tx *sql.Tx, p access.Principal, r Region, parentID sql.NullInt64) error {
	err := tx.QueryRowContext(ctx, s.q.Insert, r.Code, parentID, r.Country, r.Type, r.Path,
		r.NameEN, r.NameKK, r.NameRU, r.NameFR, r.NameFA, r.Builtin, r.searchKey()).Scan(&r.ID)
	if err != nil {
		return err
	}
	return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "region", EntityID: r.Code, After: r})
}

// Seed brings the builtin regions up to date with the reference data
// embedded in Jol: the two countries and their first-level divisions. It
// inserts what is missing and corrects what differs, so running it again
// changes nothing. The changes are recorded as the system's.
func (s *Service) Seed(ctx context.Context) error {
	rows, err := Reference()
	if err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q.LockTree); err != nil {
			return err
		}
		for _, r := range rows {
			_, rej, err := s.put(ctx, tx, access.System, r, nil)
			if err != nil {
				return err
			}
			if rej != nil { // cannot happen: the reference lists parents first
				return fmt.Errorf("geo: seed %s: %s %q", r.Code, rej.Key, rej.Value)
			}
		}
		return nil
	})
}
