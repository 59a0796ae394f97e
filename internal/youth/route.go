package youth

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Route is the branch a young person was routed to.
type Route struct {
	OrgID   int64  `json:"org_id"`
	OrgName string `json:"org_name"`
	OrgPath string `json:"-"`
	// HeadOffice is set when no branch covers the young person's place
	// and the organisation's head office took them.
	HeadOffice bool `json:"head_office"`
}

// Message says where the young person was routed, for the page or the
// bot's reply: the branch, or the head office because no branch covers
// their place.
func (r Route) Message() (key string, args []any) {
	if r.HeadOffice {
		return "youth.routed_head_office", []any{"Org", r.OrgName}
	}
	return "youth.routed_branch", []any{"Org", r.OrgName}
}

// place is a region as routing reads it.
type place struct {
	id   int64
	path string
}

// region reads the place with code, a field error when there is none.
func (s *Service) region(ctx context.Context, q store.Querier, code string) (place, error) {
	var pl place
	err := q.QueryRowContext(ctx, s.q.Region, code).Scan(&pl.id, &pl.path)
	if errors.Is(err, sql.ErrNoRows) {
		return place{}, errs.Validation(errs.Field("region", "error.youth_region", "Code", code))
	}
	return pl, err
}

// route picks the branch of head office headID that covers regionPath:
// among the active organisations below the head office, the one whose
// region is the deepest ancestor of the place (or the place itself);
// the head office itself when none does.
func (s *Service) route(ctx context.Context, q store.Querier, headID int64, regionPath string) (Route, error) {
	var head Route
	var active bool
	err := q.QueryRowContext(ctx, s.q.OrgByID, headID).Scan(&head.OrgID, &head.OrgName, &head.OrgPath, &active)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !active) {
		return Route{}, errs.New(errs.NotFound, "error.youth_no_organisation")
	}
	if err != nil {
		return Route{}, err
	}
	lo, hi := access.Span(head.OrgPath)
	var r Route
	switch err := q.QueryRowContext(ctx, s.q.Branches, head.OrgID, lo, regionPath, hi).Scan(&r.OrgID, &r.OrgName, &r.OrgPath); {
	case errors.Is(err, sql.ErrNoRows):
		head.HeadOffice = true
		return head, nil
	case err != nil:
		return Route{}, err
	}
	return r, nil
}

// Routed tells which branch of head office headID would take a young
// person living in regionCode, without registering anyone: the form shows
// it before the young person sends. It reads only organisations.
func (s *Service) Routed(ctx context.Context, headID int64, regionCode string) (Route, error) {
	pl, err := s.region(ctx, s.db.R, strings.ToUpper(strings.TrimSpace(regionCode)))
	if err != nil {
		return Route{}, err
	}
	return s.route(ctx, s.db.R, headID, pl.path)
}
