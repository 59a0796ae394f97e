package people

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// CategoryInput is what an administrator sets on a category. The code is
// fixed once created; names other than English may be left empty.
type CategoryInput struct {
	Code                                   string
	NameEN, NameKK, NameRU, NameFR, NameFA string
	Active                                 bool
	Sort                                   int
}

// CreateCategory adds a category. Categories are installation settings:
// administrators only (access.ManageSettings).
func (s *Service) CreateCategory(ctx context.Context, p access.Principal, in CategoryInput) (Category, error) {
	return s.writeCategory(ctx, p, true, in)
}

// UpdateCategory changes the names, order and use of the category with
// in.Code; a builtin category's names come back at the next Seed.
func (s *Service) UpdateCategory(ctx context.Context, p access.Principal, in CategoryInput) (Category, error) {
	return s.writeCategory(ctx, p, false, in)
}

func (s *Service) writeCategory(ctx context.Context, p access.Principal, create bool, in CategoryInput) (Category, error) {
	if err := access.Can(p, access.ManageSettings, access.Target{}); err != nil {
		return Category{}, err
	}
	c := Category{Code: strings.TrimSpace(in.Code), NameEN: text.Clean(in.NameEN), NameKK: text.Clean(in.NameKK),
		NameRU: text.Clean(in.NameRU), NameFR: text.Clean(in.NameFR), NameFA: text.Clean(in.NameFA),
		Active: in.Active || create, Sort: in.Sort}
	var fs []errs.FieldError
	if !validCode(c.Code) {
		fs = append(fs, errs.Field("code", "error.invalid", "Field", "code"))
	}
	if c.NameEN == "" {
		fs = append(fs, errs.Field("name_en", "error.required", "Field", "name_en"))
	}
	fs = valid.Line(fs, "name_en", in.NameEN, MaxName)
	fs = valid.Line(fs, "name_kk", in.NameKK, MaxName)
	fs = valid.Line(fs, "name_ru", in.NameRU, MaxName)
	fs = valid.Line(fs, "name_fr", in.NameFR, MaxName)
	fs = valid.Line(fs, "name_fa", in.NameFA, MaxName)
	if err := errs.Validation(fs...); err != nil {
		return Category{}, err
	}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		old, err := scanCategory(tx.QueryRowContext(ctx, s.q.CategoryByCode, c.Code))
		switch {
		case err == nil && create:
			return errs.Validation(errs.Field("code", "error.code_taken"))
		case errors.Is(err, sql.ErrNoRows) && !create:
			return errs.ErrNotFound
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return err
		}
		change := audit.Change{Action: "create", Entity: "category", EntityID: c.Code, After: &c}
		if create {
			err = tx.QueryRowContext(ctx, s.q.InsertCategory, c.Code, c.NameEN, c.NameKK, c.NameRU, c.NameFR,
				c.NameFA, c.Active, false, c.Sort).Scan(&c.ID)
		} else {
			c.ID, c.Builtin = old.ID, old.Builtin
			change.Action, change.Before = "update", old
			_, err = tx.ExecContext(ctx, s.q.UpdateCategory, c.NameEN, c.NameKK, c.NameRU, c.NameFR, c.NameFA,
				c.Active, c.Sort, c.ID)
		}
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, change)
	})
	if err != nil {
		return Category{}, err
	}
	return c, nil
}
