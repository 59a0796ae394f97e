package people

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// place is where a record sits: its most specific region and its owning
// organisation, with their materialised paths.
type place struct {
	regionID               int64
	regionCode, regionPath string
	orgID                  int64
	orgPath                string
}

// locate resolves a region code and an organisation id through q and
// returns field errors when either is missing, unknown or outside p's
// scope. An organisation may be left out only by a principal bound to none.
func (s *Service) locate(ctx context.Context, q store.Querier, p access.Principal, regionCode string, orgID int64) (place, []errs.FieldError, error) {
	pl := place{regionCode: strings.ToUpper(strings.TrimSpace(regionCode)), orgID: orgID}
	var regionFound, orgFound bool
	if pl.regionCode != "" {
		err := q.QueryRowContext(ctx, s.q.Region, pl.regionCode).Scan(&pl.regionID, &pl.regionCode, &pl.regionPath)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return pl, nil, err
		}
		regionFound = err == nil
	}
	if orgID != 0 {
		var err error
		if pl.orgPath, orgFound, err = s.orgPath(ctx, q, orgID); err != nil {
			return pl, nil, err
		}
	}
	return pl, pl.problems(p, regionFound, orgFound), nil
}

// problems returns the field errors of a place whose region and
// organisation were looked up, found or not: missing, unknown or outside
// p's scope.
func (pl place) problems(p access.Principal, regionFound, orgFound bool) []errs.FieldError {
	var fs []errs.FieldError
	switch {
	case pl.regionCode == "":
		fs = append(fs, errs.Field("region_code", "error.required", "Field", "region_code"))
	case !regionFound:
		fs = append(fs, errs.Field("region_code", "error.unknown_region", "Code", pl.regionCode))
	case !strings.HasPrefix(pl.regionPath, p.RegionPath):
		fs = append(fs, errs.Field("region_code", "error.region_out_of_scope"))
	}
	switch {
	case pl.orgID == 0:
		if p.OrgPath != "" {
			fs = append(fs, errs.Field("org_id", "error.required", "Field", "org_id"))
		}
	case !orgFound:
		fs = append(fs, errs.Field("org_id", "error.unknown_org"))
	case !strings.HasPrefix(pl.orgPath, p.OrgPath):
		fs = append(fs, errs.Field("org_id", "error.org_out_of_scope"))
	}
	return fs
}

// orgPath returns the path of organisation id, ok false when there is none.
func (s *Service) orgPath(ctx context.Context, q store.Querier, id int64) (path string, ok bool, err error) {
	err = q.QueryRowContext(ctx, s.q.Org, id).Scan(&path)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return path, err == nil, err
}

// scopes returns the organisation and region paths a list reads: p's scope
// narrowed by the filter's organisation (0 for any) and region ("" for
// any). ok is false when nothing can match: an unknown organisation or
// region, or one outside p's scope.
func (s *Service) scopes(ctx context.Context, p access.Principal, orgID int64, regionCode string) (org, region string, ok bool, err error) {
	org, region = p.OrgPath, p.RegionPath
	if orgID != 0 {
		path, found, err := s.orgPath(ctx, s.db.R, orgID)
		if !found || err != nil {
			return "", "", false, err
		}
		if org, ok = narrow(org, path); !ok {
			return "", "", false, nil
		}
	}
	if code := strings.ToUpper(strings.TrimSpace(regionCode)); code != "" {
		var id int64
		var path string
		err := s.db.R.QueryRowContext(ctx, s.q.Region, code).Scan(&id, &code, &path)
		if errors.Is(err, sql.ErrNoRows) {
			return "", "", false, nil
		} else if err != nil {
			return "", "", false, err
		}
		if region, ok = narrow(region, path); !ok {
			return "", "", false, nil
		}
	}
	return org, region, true, nil
}

// narrow returns the narrower of two subtree paths when one lies in the
// other, and false when the subtrees are apart.
func narrow(a, b string) (string, bool) {
	switch {
	case strings.HasPrefix(b, a):
		return b, true
	case strings.HasPrefix(a, b):
		return a, true
	}
	return "", false
}
