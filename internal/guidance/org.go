package guidance

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// orgScope is an organisation as the scope of what is recorded at it.
type orgScope struct {
	ID               int64
	Name             string
	Path, RegionPath string
}

func (o orgScope) target() access.Target {
	return access.Target{OrgPath: o.Path, RegionPath: o.RegionPath}
}

// scopeOrg reads organisation id through q; an unknown one is a field
// error of field.
func (s *Service) scopeOrg(ctx context.Context, q store.Querier, id int64, field string) (orgScope, error) {
	var o orgScope
	err := q.QueryRowContext(ctx, s.q.ScopeOrg, id).Scan(&o.ID, &o.Name, &o.Path, &o.RegionPath)
	if errors.Is(err, sql.ErrNoRows) {
		return o, errs.Validation(errs.Field(field, "error.unknown_org"))
	}
	return o, err
}
