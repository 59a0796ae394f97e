package youth

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/valid"
)

// filterArgs are the query arguments of f beyond the scope, the age
// group and the page: the region's and the branch's paths, the status,
// the field, and the birth date after which a young person is a minor
// today. An unknown region, branch or status is an error beside its
// filter.
func (s *Service) filterArgs(ctx context.Context, f Filter) ([]any, error) {
	var fs []errs.FieldError
	var regionPath, orgPath string
	if code := strings.ToUpper(strings.TrimSpace(f.Region)); code != "" {
		pl, err := s.region(ctx, s.db.R, code)
		if e := errs.As(err); e != nil && e.Code == errs.Invalid {
			fs = append(fs, e.Fields...)
		} else if err != nil {
			return nil, err
		}
		regionPath = pl.path
	}
	if f.Status != "" && !slices.Contains(Statuses(), f.Status) {
		fs = append(fs, valid.Choice("status", Statuses()...))
	}
	if f.OrgID != 0 {
		var id int64
		var name string
		var active bool
		err := s.db.R.QueryRowContext(ctx, s.q.OrgByID, f.OrgID).Scan(&id, &name, &orgPath, &active)
		if errors.Is(err, sql.ErrNoRows) {
			fs = append(fs, errs.Field("org", "error.youth_no_organisation"))
		} else if err != nil {
			return nil, err
		}
	}
	if err := errs.Validation(fs...); err != nil {
		return nil, err
	}
	consent := ""
	if f.NoConsent {
		consent = "missing"
	}
	minorAfter := s.today().AddDate(-AdultAge, 0, 0)
	return []any{regionPath, string(f.Status), strings.ToLower(strings.TrimSpace(f.Field)), orgPath, consent, minorAfter}, nil
}
