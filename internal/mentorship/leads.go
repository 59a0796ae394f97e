package mentorship

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// A designated safeguarding lead is a setting of an organisation naming
// one user: a concern about a mentorship of a branch reaches the lead of
// that branch or, when it has none, of the nearest organisation above it
// that has one. A lead is an active coordinator of the organisation or of
// one above it, so the mentorships they protect lie in their scope.

// Lead is the designated safeguarding lead of an organisation.
type Lead struct {
	OrgID    int64  `json:"org_id"`
	OrgName  string `json:"org_name"`
	OrgPath  string `json:"-"`
	UserID   int64  `json:"user_id"`
	UserName string `json:"user_name"`
}

// SetLead designates user userID the safeguarding lead of organisation
// orgID, replacing any lead it had; p needs ManageSafeguarding over it.
func (s *Service) SetLead(ctx context.Context, p access.Principal, orgID, userID int64) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		var orgPath, regionPath string
		if err := tx.QueryRowContext(ctx, s.q.OrgPath, orgID).Scan(&orgPath, &regionPath); err != nil {
			return store.NotFound(err)
		}
		if err := access.Can(p, access.ManageSafeguarding, access.Target{OrgPath: orgPath, RegionPath: regionPath}); err != nil {
			return err
		}
		var role, userPath string
		var active bool
		err := tx.QueryRowContext(ctx, s.q.UserScope, userID).Scan(&role, &userPath, &active)
		if errors.Is(err, sql.ErrNoRows) || err == nil && (access.Role(role) != access.Coordinator || !active ||
			userPath == "" || !strings.HasPrefix(orgPath, userPath)) {
			return errs.Validation(errs.Field("user_id", "error.safeguarding_lead_user"))
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.SetLead, orgID, userID, store.NullID(p.UserID), s.now().UTC()); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "assign", Entity: "safeguarding_lead",
			EntityID: itoa(orgID), OrgPath: orgPath, RegionPath: regionPath, After: map[string]int64{"user_id": userID}})
	})
}

// Leads lists the designated leads of the organisations within p's
// organisation subtree.
func (s *Service) Leads(ctx context.Context, p access.Principal) ([]Lead, error) {
	if !access.Allowed(p, access.ManageSafeguarding) {
		return nil, errs.New(errs.Forbidden, "error.forbidden")
	}
	lo, hi := access.Span(p.OrgPath)
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (Lead, error) {
		var l Lead
		return l, sc.Scan(&l.OrgID, &l.OrgName, &l.OrgPath, &l.UserID, &l.UserName)
	}, s.q.Leads, lo, hi)
}

// leadFor is the lead a concern about a mentorship of branch orgPath
// reaches; 0 when no organisation on the way up has one.
func (s *Service) leadFor(ctx context.Context, q store.Querier, orgPath string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, s.q.LeadFor, orgPath).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}
