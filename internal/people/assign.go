package people

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// Evidence is the document that puts a person in a category.
type Evidence struct {
	DocType   string // "certificate", "court decision", … as typed
	DocNumber string
	IssuedOn  time.Time // zero when unknown
	ExpiresOn time.Time // zero when it does not expire
	Verified  bool      // the user assigning has seen the document
}

// Assign puts a person in the active category with code, with evidence;
// assigning again replaces the evidence.
func (s *Service) Assign(ctx context.Context, p access.Principal, personID int64, code string, ev Evidence) (Assignment, error) {
	ev.DocType, ev.DocNumber = text.Clean(ev.DocType), text.Clean(ev.DocNumber)
	ev.IssuedOn, ev.ExpiresOn = date(ev.IssuedOn), date(ev.ExpiresOn)
	fs := valid.Line(valid.Line(nil, "doc_type", ev.DocType, MaxName), "doc_number", ev.DocNumber, MaxName)
	if ev.IssuedOn.After(s.today()) {
		fs = append(fs, errs.Field("issued_on", "error.date_future", "Field", "issued_on"))
	}
	if !ev.ExpiresOn.IsZero() && ev.ExpiresOn.Before(ev.IssuedOn) {
		fs = append(fs, errs.Field("expires_on", "error.expires_before_issued"))
	}
	var out Assignment
	err := s.EditChild(ctx, p, personID, func(tx *sql.Tx, per Person) error {
		c, err := scanCategory(tx.QueryRowContext(ctx, s.q.CategoryByCode, strings.TrimSpace(code)))
		if errors.Is(err, sql.ErrNoRows) {
			fs = append(fs, errs.Field("category", "error.not_found"))
		} else if err != nil {
			return err
		} else if !c.Active {
			fs = append(fs, errs.Field("category", "error.category_inactive"))
		}
		if err := errs.Validation(fs...); err != nil {
			return err
		}
		var verifiedBy sql.NullInt64
		var verifiedAt sql.NullTime
		now := s.now().UTC()
		if ev.Verified {
			verifiedBy, verifiedAt = store.NullID(p.UserID), sql.NullTime{Time: now, Valid: true}
		}
		before, err := s.assignments(ctx, tx, per.ID, c.Code)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.Assign, per.ID, c.ID, ev.DocType, ev.DocNumber, store.NullDate(ev.IssuedOn),
			store.NullDate(ev.ExpiresOn), verifiedBy, verifiedAt, store.NullID(p.UserID), now); err != nil {
			return err
		}
		after, err := s.assignments(ctx, tx, per.ID, c.Code)
		if err != nil {
			return err
		}
		out = after[0] // the row just written
		return s.log.Record(ctx, tx, p, audit.Change{Action: "assign", Entity: "person", EntityID: itoa(per.ID),
			OrgPath: per.OrgPath, RegionPath: per.RegionPath, Before: first(before), After: out})
	})
	return out, err
}

// first returns the only element of as, nil when there is none.
func first(as []Assignment) any {
	if len(as) == 0 {
		return nil
	}
	return as[0]
}
