package people

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Scoped queries take access.Principal.ScopeArgs first: ranges on the
// path indexes (see access.Span).

// EditChild runs fn in a transaction with person id once p may edit their
// record, which must not be merged into another: the frame of every write
// about one person (guardians, categories, consents, photo, and what other
// domains record of the person, such as assessments).
func (s *Service) EditChild(ctx context.Context, p access.Principal, id int64, fn func(tx *sql.Tx, per Person) error) error {
	if err := access.Can(p, access.EditChild, p.Scope()); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error { return s.editChild(ctx, tx, p, id, fn) })
}

// editChild is EditChild in transaction tx.
func (s *Service) editChild(ctx context.Context, tx *sql.Tx, p access.Principal, id int64, fn func(tx *sql.Tx, per Person) error) error {
	if err := access.Can(p, access.EditChild, p.Scope()); err != nil {
		return err
	}
	per, err := s.byID(ctx, tx, id)
	if err != nil {
		return err
	}
	if err := access.Can(p, access.EditChild, per.Target()); err != nil {
		return err
	}
	if per.MergedInto != 0 {
		return errs.New(errs.Conflict, "error.merged", "ID", itoa(per.MergedInto))
	}
	return fn(tx, per)
}

// ViewChild returns person id once p may see their record, for reads of
// what hangs off it, here and in other domains. Only Get writes the access
// log: these are parts of the record's page.
func (s *Service) ViewChild(ctx context.Context, p access.Principal, id int64) (Person, error) {
	return s.viewChild(ctx, s.db.R, p, id)
}

// viewChild is ViewChild reading through r.
func (s *Service) viewChild(ctx context.Context, r store.Querier, p access.Principal, id int64) (Person, error) {
	if err := access.Can(p, access.ViewChild, p.Scope()); err != nil {
		return Person{}, err
	}
	per, err := s.byID(ctx, r, id)
	if err != nil {
		return Person{}, err
	}
	if err := access.Can(p, access.ViewChild, per.Target()); err != nil {
		return Person{}, err
	}
	return s.seenOne(ctx, r, p, per)
}
