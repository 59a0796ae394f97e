package people

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Assignment is a person's category with its evidence.
type Assignment struct {
	Category   Category  `json:"category"`
	DocType    string    `json:"doc_type,omitempty"`
	DocNumber  string    `json:"doc_number,omitempty"`
	IssuedOn   time.Time `json:"issued_on,omitzero"`
	ExpiresOn  time.Time `json:"expires_on,omitzero"`
	VerifiedBy int64     `json:"verified_by,omitempty"` // user id
	VerifiedAt time.Time `json:"verified_at,omitzero"`
	AssignedAt time.Time `json:"assigned_at"`
}

// Expired reports whether the evidence had expired by day now: the
// assignment stays, shown as expired, until someone renews or removes it.
func (a Assignment) Expired(now time.Time) bool {
	return !a.ExpiresOn.IsZero() && a.ExpiresOn.Before(date(now))
}

// Unassign takes a person out of the category with code.
func (s *Service) Unassign(ctx context.Context, p access.Principal, personID int64, code string) error {
	return s.EditChild(ctx, p, personID, func(tx *sql.Tx, per Person) error {
		before, err := s.assignments(ctx, tx, per.ID, strings.TrimSpace(code))
		if err != nil {
			return err
		}
		if len(before) == 0 {
			return errs.ErrNotFound
		}
		if _, err := tx.ExecContext(ctx, s.q.Unassign, per.ID, before[0].Category.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "unassign", Entity: "person", EntityID: itoa(per.ID),
			OrgPath: per.OrgPath, RegionPath: per.RegionPath, Before: before[0]})
	})
}

// Assignments returns the categories of a person with their evidence; an
// expired one says so through Expired.
func (s *Service) Assignments(ctx context.Context, p access.Principal, personID int64) ([]Assignment, error) {
	if _, err := s.ViewChild(ctx, p, personID); err != nil {
		return nil, err
	}
	return s.assignments(ctx, s.db.R, personID, "")
}

// assignments reads the categories of a person through q, only the one
// with code when code is not "".
func (s *Service) assignments(ctx context.Context, q store.Querier, personID int64, code string) ([]Assignment, error) {
	rows, err := q.QueryContext(ctx, s.q.PersonCategories, personID, code)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Assignment
	for rows.Next() {
		var a Assignment
		var issued, expires, verified sql.NullTime
		c := &a.Category
		if err := rows.Scan(&c.ID, &c.Code, &c.NameEN, &c.NameKK, &c.NameRU, &c.NameFR, &c.NameFA, &c.Active,
			&c.Builtin, &c.Sort, &a.DocType, &a.DocNumber, &issued, &expires, &a.VerifiedBy, &verified,
			&a.AssignedAt); err != nil {
			return nil, err
		}
		a.IssuedOn, a.ExpiresOn = date(issued.Time), date(expires.Time)
		if verified.Valid {
			a.VerifiedAt = verified.Time.UTC()
		}
		a.AssignedAt = a.AssignedAt.UTC()
		out = append(out, a)
	}
	return out, rows.Err()
}
