package people

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// GuardianRelation is the legal form of a guardianship.
type GuardianRelation string

// The forms of guardianship.
const (
	Custody     GuardianRelation = "custody"     // guardian of a child under 14 (опека, قیمومت)
	Trusteeship GuardianRelation = "trusteeship" // trustee of a child of 14 to 18 (попечительство)
	Foster      GuardianRelation = "foster"      // foster family or patronage
	Institution GuardianRelation = "institution" // an institution the child lives in: a centre, a children's home
	OtherCare   GuardianRelation = "other"
)

// GuardianRelations lists every form of guardianship in a stable order.
func GuardianRelations() []GuardianRelation {
	return []GuardianRelation{Custody, Trusteeship, Foster, Institution, OtherCare}
}

// Guardianship links a child to a guardian outside their household: a
// person, or an institution (an orphan in a centre has the centre as
// guardian institution).
type Guardianship struct {
	ID               int64            `json:"id"`
	ChildID          int64            `json:"child_id"`
	GuardianPersonID int64            `json:"guardian_person_id,omitempty"`
	GuardianOrgID    int64            `json:"guardian_org_id,omitempty"`
	GuardianName     string           `json:"guardian_name"` // the person's full name or the institution's name
	Relation         GuardianRelation `json:"relation"`
	Since            time.Time        `json:"since,omitzero"`
	CreatedAt        time.Time        `json:"created_at"`
}

// GuardianInput names a guardian: a person or an institution, not both.
type GuardianInput struct {
	PersonID int64
	OrgID    int64
	Relation GuardianRelation
	Since    time.Time // zero when unknown
}

// Guardians returns the guardians of child outside their household.
func (s *Service) Guardians(ctx context.Context, p access.Principal, childID int64) ([]Guardianship, error) {
	return s.guardians(ctx, s.db.R, p, childID)
}

// guardians is Guardians reading through r.
func (s *Service) guardians(ctx context.Context, r store.Querier, p access.Principal, childID int64) ([]Guardianship, error) {
	if _, err := s.viewChild(ctx, r, p, childID); err != nil {
		return nil, err
	}
	return store.Select(ctx, r, scanGuardian, s.q.Guardians, childID)
}

// guardianship reads one guardianship through q.
func (s *Service) guardianship(ctx context.Context, q store.Querier, id int64) (Guardianship, error) {
	g, err := scanGuardian(q.QueryRowContext(ctx, s.q.GuardianByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return g, errs.ErrNotFound
	}
	return g, err
}

func scanGuardian(sc store.Scanner) (Guardianship, error) {
	var g Guardianship
	var since sql.NullTime
	var last, first, patronymic, org string
	err := sc.Scan(&g.ID, &g.ChildID, &g.GuardianPersonID, &g.GuardianOrgID, &g.Relation, &since,
		&last, &first, &patronymic, &org, &g.CreatedAt)
	if since.Valid {
		g.Since = date(since.Time)
	}
	g.GuardianName = org
	if g.GuardianPersonID != 0 {
		g.GuardianName = strings.Join(strings.Fields(last+" "+first+" "+patronymic), " ")
	}
	g.CreatedAt = g.CreatedAt.UTC()
	return g, err
}
