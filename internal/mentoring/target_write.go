package mentoring

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/store"
)

// branch is the organisation a list is imported for.
type branch struct {
	id               int64
	path, regionPath string
}

// branch reads organisation id and checks that p may keep its mentors.
func (s *Service) branch(ctx context.Context, p access.Principal, id int64) (branch, error) {
	b := branch{id: id}
	if id == 0 {
		return b, errs.Validation(errs.Field("org", "error.required", "Field", "org"))
	}
	if err := s.db.R.QueryRowContext(ctx, s.q.Org, id).Scan(&b.path, &b.regionPath); err != nil {
		return b, store.NotFound(err)
	}
	return b, access.Can(p, access.ManageMentors, access.Target{OrgPath: b.path, RegionPath: b.regionPath})
}

func (s *Service) openList(ctx context.Context, p access.Principal, o imports.Options) (imports.Session[row], error) {
	b, err := s.branch(ctx, p, o.OrgID)
	if err != nil {
		return nil, err
	}
	return &listSession{s: s, p: p, org: b, o: o}, nil
}

type listSession struct {
	s   *Service
	p   access.Principal
	org branch
	o   imports.Options
}

// Batch writes rows in one transaction (rolled back for a dry run): a
// mentor new to the branch is created approved, one it has (by contact)
// is updated when the row says something new. The created are recorded
// in one change-log entry per batch; each update in its own.
func (ls *listSession) Batch(ctx context.Context, rows []row) ([]imports.Outcome, []imports.RowError, error) {
	s := ls.s
	outs := make([]imports.Outcome, len(rows))
	var bad []imports.RowError
	var created []int64
	errDry := errors.New("dry run")
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		for i, r := range rows {
			out, rowErr, err := ls.write(ctx, tx, r, &created)
			if err != nil {
				return fmt.Errorf("mentors list line %d: %w", r.line, err)
			}
			outs[i] = out
			if rowErr != nil {
				bad = append(bad, *rowErr)
			}
		}
		if len(created) > 0 {
			if err := s.log.Record(ctx, tx, ls.p, audit.Change{Action: "import", Entity: "mentor_batch",
				EntityID: itoa(created[0]), OrgPath: ls.org.path, RegionPath: ls.org.regionPath,
				After: map[string]any{"source": ls.o.Source, "created": created}}); err != nil {
				return err
			}
		}
		if ls.o.Commit != nil && !ls.o.DryRun {
			if err := ls.o.Commit(ctx, tx, outs, bad); err != nil {
				return err
			}
		}
		if ls.o.DryRun {
			return errDry
		}
		return nil
	})
	if err != nil && !errors.Is(err, errDry) {
		return nil, nil, err
	}
	return outs, bad, nil
}

// write writes one row in tx.
func (ls *listSession) write(ctx context.Context, tx *sql.Tx, r row, created *[]int64) (imports.Outcome, *imports.RowError, error) {
	s, m := ls.s, r.m
	var id int64
	err := tx.QueryRowContext(ctx, s.q.ByContact, ls.org.id, contactKey(m)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		if err := s.insertRow(ctx, tx, ls.p, &m, Approved, "import"); err != nil {
			return imports.Rejected, nil, err
		}
		*created = append(*created, m.ID)
		return imports.Created, nil, nil
	} else if err != nil {
		return imports.Rejected, nil, err
	}
	before, err := s.byID(ctx, tx, id)
	if err != nil {
		return imports.Rejected, nil, err
	}
	if same(before, m) {
		return imports.Unchanged, nil, nil
	}
	if m.Capacity < before.Mentees {
		return imports.Rejected, &imports.RowError{Line: r.line, Column: string(ColCapacity), Key: "error.mentor_below_mentees",
			Args: []any{"Mentees", before.Mentees}}, nil
	}
	m.ID = id
	if err := s.update(ctx, tx, ls.p, before, m, before.Version); err != nil {
		return imports.Rejected, nil, err
	}
	return imports.Updated, nil, nil
}

// same reports whether a list's mentor m says nothing new of mentor old.
func same(old, m Mentor) bool {
	slices.Sort(m.Fields)
	slices.Sort(m.Languages)
	return old.Name == m.Name && old.Phone == m.Phone && old.Email == m.Email && old.Background == m.Background &&
		slices.Equal(old.Fields, m.Fields) && slices.Equal(old.Languages, m.Languages) &&
		old.RegionCode == m.RegionCode && old.InPerson == m.InPerson && old.Online == m.Online &&
		old.Capacity == m.Capacity && old.Minors == m.Minors && old.Vetting.Document == m.Vetting.Document &&
		old.Vetting.On.Equal(m.Vetting.On) && old.Vetting.Expires.Equal(m.Vetting.Expires) &&
		old.Vetting.CheckedBy == m.Vetting.CheckedBy
}

func (ls *listSession) Close(context.Context) error { return nil }
