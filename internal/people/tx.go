package people

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Tx is the registry inside a transaction its caller owns
// (store.DB.Atomic), for a caller that registers a family together with
// its own writes: the public application form registers the child and the
// guardian, records the consent and submits the request in one
// transaction, so that all of it is kept or none. Its operations are the
// Service's, with the same checks and change-log entries; they read and
// write through the transaction, so each sees what the ones before wrote.
//
// An error of an operation ends the transaction: the caller returns it
// (wrapped or not) and does not go on. An ID number held outside the
// principal's scope is then recorded as a probe, once the transaction has
// been rolled back, and the error the caller's Atomic returns is the
// refusal Create would have given (see IDProbeLimit).
type Tx struct {
	s  *Service
	tx *store.Tx
}

// In returns the registry working in tx.
func (s *Service) In(tx *store.Tx) Tx { return Tx{s: s, tx: tx} }

// Matches is Service.Matches, reading through the transaction.
func (t Tx) Matches(ctx context.Context, p access.Principal, c Candidate) ([]Match, error) {
	return t.s.matches(ctx, t.tx, p, c)
}

// Search is Service.Search, reading through the transaction.
func (t Tx) Search(ctx context.Context, p access.Principal, q string, limit int) ([]Person, error) {
	return t.s.search(ctx, t.tx, p, q, searchLimit(limit))
}

// Create is Service.Create in the transaction.
func (t Tx) Create(ctx context.Context, p access.Principal, in Input) (Person, error) {
	rec, err := t.s.writeIn(ctx, t.tx, p, 0, in)
	if err != nil {
		return Person{}, err
	}
	return t.s.seenOne(ctx, t.tx, p, rec)
}

// Guardians is Service.Guardians, reading through the transaction.
func (t Tx) Guardians(ctx context.Context, p access.Principal, childID int64) ([]Guardianship, error) {
	return t.s.guardians(ctx, t.tx, p, childID)
}

// AddGuardian is Service.AddGuardian in the transaction.
func (t Tx) AddGuardian(ctx context.Context, p access.Principal, childID int64, in GuardianInput) (Guardianship, error) {
	return t.s.addGuardian(ctx, t.tx.Tx, p, childID, in)
}

// GiveConsent is Service.GiveConsent in the transaction.
func (t Tx) GiveConsent(ctx context.Context, p access.Principal, personID int64, in ConsentInput) (Consent, error) {
	return t.s.giveConsent(ctx, t.tx.Tx, p, personID, in)
}
