package championship

import (
	"context"
	"database/sql"
	"errors"
	"regexp"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/debate"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

var codeRE = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// Create opens a championship for teams; p needs ManageChampionships
// over the organisation and the region. The rubric is checked by debate
// (weights from 1 to debate.MaxWeight, a range whose top is above its
// bottom, distinct codes) and bounded here (ranges within 0 to MaxScore,
// at most MaxCriteria criteria), so totals stay exact.
func (s *Service) Create(ctx context.Context, p access.Principal, in Input) (Championship, error) {
	in.Name, in.RegionCode = strings.TrimSpace(in.Name), strings.ToUpper(strings.TrimSpace(in.RegionCode))
	fs := valid.Name(nil, "name", in.Name, MaxName)
	in.Starts, in.Ends = store.Day(in.Starts), store.Day(in.Ends)
	if in.Starts.IsZero() || in.Ends.Before(in.Starts) {
		fs = append(fs, errs.Field("ends_on", "error.championship_dates"))
	}
	fs = append(fs, checkRubric(in.Rubric)...)
	var orgPath string
	err := s.db.R.QueryRowContext(ctx, s.q.Org, in.OrgID).Scan(&orgPath)
	if errors.Is(err, sql.ErrNoRows) {
		fs = append(fs, errs.Field("org_id", "error.required", "Field", "org_id"))
	} else if err != nil {
		return Championship{}, err
	}
	regionID, regionPath, err := s.region(ctx, s.db.R, "region", in.RegionCode)
	if e := errs.As(err); e != nil && e.Code == errs.Invalid {
		fs, err = append(fs, e.Fields...), nil
	}
	if err != nil {
		return Championship{}, err
	}
	if err := errs.Validation(fs...); err != nil {
		return Championship{}, err
	}
	c := Championship{OrgID: in.OrgID, OrgPath: orgPath, RegionCode: in.RegionCode, RegionPath: regionPath,
		Name: in.Name, Starts: in.Starts, Ends: in.Ends, State: Open, Version: 1, Rubric: in.Rubric}
	if err := access.Can(p, access.ManageChampionships, c.Target()); err != nil {
		return Championship{}, err
	}
	now := s.now().UTC()
	c.CreatedAt = now
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q.InsertChampionship, c.OrgID, c.OrgPath, regionID, c.RegionPath, c.Name,
			c.Starts, c.Ends, by(p), now).Scan(&c.ID)
		if err != nil {
			return err
		}
		for i, cr := range c.Rubric {
			if _, err := tx.ExecContext(ctx, s.q.InsertCriterion, c.ID, i, cr.Code, cr.Name, cr.Weight, cr.Min, cr.Max); err != nil {
				return err
			}
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "championship", EntityID: itoa(c.ID),
			OrgPath: c.OrgPath, RegionPath: c.RegionPath, After: c})
	})
	return c, err
}

// checkRubric returns the rubric's errors: debate's rules and the bounds
// of this package.
func checkRubric(r []Criterion) []errs.FieldError {
	if len(r) > MaxCriteria {
		return []errs.FieldError{errs.Field("rubric", "error.championship_criteria", "Max", MaxCriteria)}
	}
	dr := make(debate.Rubric, len(r))
	var fs []errs.FieldError
	for i := range r {
		c := &r[i]
		c.Code, c.Name = strings.ToLower(strings.TrimSpace(c.Code)), strings.TrimSpace(c.Name)
		if c.Name == "" {
			c.Name = c.Code
		}
		if !codeRE.MatchString(c.Code) || len(c.Name) > MaxName || c.Min < 0 || c.Max > MaxScore {
			fs = append(fs, errs.Field("rubric", "error.championship_criterion", "Criterion", c.Code, "Max", MaxScore))
		}
		dr[i] = debate.Criterion{Key: c.Code, Weight: c.Weight, Min: c.Min, Max: c.Max}
	}
	if _, err := debate.NewChampionship(dr, nil, nil); err != nil {
		fs = append(fs, errs.As(err).Fields...)
	}
	return fs
}

// by is the user id to record as the author, NULL for a principal
// without a user.
func by(p access.Principal) sql.NullInt64 {
	return sql.NullInt64{Int64: p.UserID, Valid: p.UserID != 0}
}
