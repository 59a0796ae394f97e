package people

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
)

// A person within the user's scope may be a member of a household
// outside it (an administrator put them there). Adding them elsewhere is
// refused, as for any member of another household, but the answer must
// not name that household: it says the person is in another household
// and whom to ask (error.in_household_elsewhere), and the encounter is
// written to the access log like an ID-number probe, counted with them.
// The refusal is the same once the probes are spent: the person cannot
// join either way, and what it tells (that a person the user sees is in
// some household) is no secret of the other organisation.

// errHomeElsewhere marks, inside a write, a person in a household outside
// the user's scope; the write is rolled back and the probe recorded after.
var errHomeElsewhere = errors.New("people: household outside the scope")

// homeElsewhere is the answer for field: in another household, and whom
// to ask, never which household.
func homeElsewhere(field string) errs.FieldError {
	return errs.Field(field, "error.in_household_elsewhere")
}

// homeSubject is what the access log keeps of such a probe: the person,
// who is within the user's scope.
func homeSubject(personID int64) string { return "person:" + itoa(personID) }

// otherHome returns the refusal for a person in household otherID who is
// asked to join another: the household named when p may see it, else
// errHomeElsewhere.
func (s *Service) otherHome(ctx context.Context, tx *sql.Tx, p access.Principal, otherID int64) error {
	if err := s.homeWithin(ctx, tx, p, otherID); err != nil {
		return err
	}
	return errs.New(errs.Conflict, "error.in_other_household", "ID", itoa(otherID))
}

// homeWithin returns errHomeElsewhere when household id is outside p's
// scope, so that the refusal that would name it does not.
func (s *Service) homeWithin(ctx context.Context, tx *sql.Tx, p access.Principal, id int64) error {
	h, err := s.householdByID(ctx, tx, id)
	if err != nil {
		return err
	}
	if !access.Within(p, h.Target()) {
		return errHomeElsewhere
	}
	return nil
}

// homeProbe records, in a transaction of its own, that p found person
// personID in a household outside their scope, and returns the refusal.
func (s *Service) homeProbe(ctx context.Context, p access.Principal, personID int64, via string) error {
	if err := s.recordHomeProbe(ctx, p, personID, via); err != nil {
		return err
	}
	return errs.New(errs.Conflict, "error.in_household_elsewhere")
}

// recordHomeProbe writes homeProbe's access-log entry in a transaction of
// its own.
func (s *Service) recordHomeProbe(ctx context.Context, p access.Principal, personID int64, via string) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		return s.log.ProbedThrough(ctx, tx, p, homeSubject(personID), via)
	})
}
