package youth

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/valid"
)

// GuardianDetails are the guardian a minor names when they register:
// who to ask for the consent a match needs. Recording the consent itself
// is a coordinator's (RecordGuardianConsent).
type GuardianDetails struct {
	Name, Relation, Contact string
}

// given reports whether any of the details was given.
func (g GuardianDetails) given() bool { return g.Name != "" || g.Relation != "" || g.Contact != "" }

// checkGuardian returns the problems of the guardian's details: a minor
// registering themselves (on the web form or through the bot) names
// their guardian, name, relation and contact; an imported list may leave
// them out, and an adult's are not asked. Details given are checked
// whoever gives them.
func (in Input) checkGuardian(today time.Time) []errs.FieldError {
	age := Age(in.Birth, today)
	minor := !in.Birth.IsZero() && age >= MinAge && age < AdultAge
	if !in.Guardian.given() && (!minor || in.Channel == Import) {
		return nil
	}
	var fs []errs.FieldError
	fs = valid.Name(fs, "guardian_name", in.Guardian.Name, MaxName)
	fs = valid.Name(fs, "guardian_relation", in.Guardian.Relation, MaxRelation)
	return valid.Name(fs, "guardian_contact", in.Guardian.Contact, MaxContact)
}

// setGuardianDetails writes the guardian a minor named, if any, in tx.
func (s *Service) setGuardianDetails(ctx context.Context, tx *sql.Tx, id int64, g GuardianDetails) error {
	if !g.given() {
		return nil
	}
	_, err := tx.ExecContext(ctx, s.q.SetGuardianDetails, g.Name, g.Relation, g.Contact, id)
	return err
}
