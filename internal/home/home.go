// Package home resolves where a new record lives — its region by code,
// its organisation and, when given, its campaign — within what the
// principal writing it may reach. It is the check every domain that
// keeps region- and organisation-scoped records makes before writing
// one: the volunteer registry, volunteer needs and free courses use it.
package home

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Home is the region and organisation a record belongs to.
type Home struct {
	RegionID   int64
	RegionPath string
	OrgID      int64
	OrgName    string
	OrgPath    string
}

// Resolver holds the queries of one engine.
type Resolver struct{ region, org, campaign string }

// New is a resolver for the engine e.
func New(e store.Engine) Resolver {
	return Resolver{
		region:   store.Rebind(e, `SELECT id, path FROM regions WHERE code = $1`),
		org:      store.Rebind(e, `SELECT id, name, path FROM organisations WHERE id = $1`),
		campaign: store.Rebind(e, `SELECT id FROM campaigns WHERE id = $1`),
	}
}

// Resolve finds region regionCode and organisation orgID, both within
// p's scope, and checks campaign campaignID exists when it is not 0. What
// is wrong is appended to fs under the fields region, org_id and
// campaign_id; the error is the database's.
func (r Resolver) Resolve(ctx context.Context, tx *sql.Tx, p access.Principal, regionCode string, orgID,
	campaignID int64, fs []errs.FieldError) (Home, []errs.FieldError, error) {
	var h Home
	err := tx.QueryRowContext(ctx, r.region, regionCode).Scan(&h.RegionID, &h.RegionPath)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		fs = append(fs, errs.Field("region", "error.unknown_region", "Code", regionCode))
	case err != nil:
		return h, fs, err
	case !strings.HasPrefix(h.RegionPath, p.RegionPath):
		fs = append(fs, errs.Field("region", "error.region_out_of_scope"))
	}
	err = tx.QueryRowContext(ctx, r.org, orgID).Scan(&h.OrgID, &h.OrgName, &h.OrgPath)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		fs = append(fs, errs.Field("org_id", "error.unknown_org"))
	case err != nil:
		return h, fs, err
	case !strings.HasPrefix(h.OrgPath, p.OrgPath):
		fs = append(fs, errs.Field("org_id", "error.org_out_of_scope"))
	}
	if campaignID != 0 {
		var id int64
		err := tx.QueryRowContext(ctx, r.campaign, campaignID).Scan(&id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			fs = append(fs, errs.Field("campaign_id", "error.unknown_campaign"))
		case err != nil:
			return h, fs, err
		}
	}
	return h, fs, nil
}
