package people

import (
	"context"
	"database/sql"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// GiveConsent records a consent for a person; it replaces the one in force
// for the same purpose.
func (s *Service) GiveConsent(ctx context.Context, p access.Principal, personID int64, in ConsentInput) (Consent, error) {
	var c Consent
	err := s.db.Tx(ctx, func(tx *sql.Tx) (err error) {
		c, err = s.giveConsent(ctx, tx, p, personID, in)
		return err
	})
	return c, err
}

// giveConsent is GiveConsent in transaction tx.
func (s *Service) giveConsent(ctx context.Context, tx *sql.Tx, p access.Principal, personID int64, in ConsentInput) (Consent, error) {
	in.GivenByName = text.Clean(in.GivenByName)
	var fs []errs.FieldError
	if !slices.Contains(Purposes(), in.Purpose) {
		fs = append(fs, valid.Choice("purpose", Purposes()...))
	}
	if !slices.Contains(Methods(), in.Method) {
		fs = append(fs, valid.Choice("method", Methods()...))
	}
	if in.GivenByID == 0 && in.GivenByName == "" {
		fs = append(fs, errs.Field("given_by", "error.given_by_required"))
	}
	fs = valid.Line(fs, "given_by", in.GivenByName, MaxName)
	var c Consent
	err := s.editChild(ctx, tx, p, personID, func(tx *sql.Tx, per Person) error {
		if a, known := per.Age(s.today()); known && a >= AssentAge && a < Adult && !in.ChildAssent {
			fs = append(fs, errs.Field("child_assent", "error.assent_required", "Count", AssentAge))
		}
		if in.GivenByID != 0 {
			if _, err := s.byID(ctx, tx, in.GivenByID); errs.CodeOf(err) == errs.NotFound {
				fs = append(fs, errs.Field("given_by", "error.not_found"))
			} else if err != nil {
				return err
			}
		}
		if err := errs.Validation(fs...); err != nil {
			return err
		}
		c = Consent{PersonID: per.ID, Purpose: in.Purpose, GivenByID: in.GivenByID, GivenByName: in.GivenByName,
			ChildAssent: in.ChildAssent, Method: in.Method, RecordedBy: p.UserID, RecordedAt: s.now().UTC()}
		err := tx.QueryRowContext(ctx, s.q.InsertConsent, c.PersonID, c.Purpose, store.NullID(c.GivenByID), c.GivenByName,
			c.ChildAssent, c.Method, store.NullID(c.RecordedBy), c.RecordedAt).Scan(&c.ID)
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "give_consent", Entity: "person",
			EntityID: itoa(per.ID), OrgPath: per.OrgPath, RegionPath: per.RegionPath, After: c})
	})
	return c, err
}

// Withdraw withdraws the consent of a person for purpose, at once and for
// every part of Jol, since they all ask HasConsent. Withdrawing the consent
// to photos deletes the photo in the same transaction. Withdrawing when no
// consent is in force changes nothing.
func (s *Service) Withdraw(ctx context.Context, p access.Principal, personID int64, purpose Purpose) error {
	if !slices.Contains(Purposes(), purpose) {
		return errs.Validation(valid.Choice("purpose", Purposes()...))
	}
	return s.EditChild(ctx, p, personID, func(tx *sql.Tx, per Person) error {
		c, err := s.latest(ctx, tx, per.ID, purpose)
		if err != nil || c.ID == 0 || !c.Active() {
			return err
		}
		now := s.now().UTC()
		if _, err := tx.ExecContext(ctx, s.q.WithdrawConsent, now, store.NullID(p.UserID), c.ID); err != nil {
			return err
		}
		if purpose == Photos && per.HasPhoto {
			if _, err := tx.ExecContext(ctx, s.q.SetPhoto, nil, now, per.ID); err != nil {
				return err
			}
		}
		before := c
		c.WithdrawnAt, c.WithdrawnBy = now, p.UserID
		return s.log.Record(ctx, tx, p, audit.Change{Action: "withdraw_consent", Entity: "person",
			EntityID: itoa(per.ID), OrgPath: per.OrgPath, RegionPath: per.RegionPath, Before: before, After: c})
	})
}
