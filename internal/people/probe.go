package people

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// An ID number typed by a user whose scope does not hold it is a probe:
// the answer "already registered" says that a child with this number
// exists somewhere. A user may make IDProbeLimit such probes per
// IDProbeWindow; after that, every ID number not held within their scope
// is refused alike, registered elsewhere or not, until the window has
// moved on, so neither a form nor a dry run of a list answers the
// question in bulk. Each probe is written to the access log.
const (
	IDProbeLimit  = 20
	IDProbeWindow = time.Hour
)

// errHeldElsewhere marks, inside a write, an ID number held outside the
// user's scope; the write is rolled back and the probe recorded after.
var errHeldElsewhere = errors.New("people: ID number held outside the scope")

// idElsewhere is the answer to a probe: registered, and whom to ask,
// never which record or which organisation.
func idElsewhere(field string) errs.FieldError { return errs.Field(field, "error.id_elsewhere") }

// idChecksSpent is the answer to an ID number once the probes are spent.
func idChecksSpent(field string) errs.FieldError { return errs.Field(field, "error.id_checks_spent") }

// errChecksSpent refuses to check an ID number of field: RateLimited,
// with the field error beside the field.
func errChecksSpent(field string) error {
	e := errs.New(errs.RateLimited, "error.id_checks_spent")
	e.Fields = []errs.FieldError{idChecksSpent(field)}
	return e
}

// scoped reports whether p sees only part of the registry, and so can
// probe the rest.
func scoped(p access.Principal) bool { return p.OrgPath != "" || p.RegionPath != "" }

// probesLeft returns how many more probes p may make now, read through q.
// With lock, inside a write transaction, p's user row is locked first so
// that parallel requests count one after another.
func (s *Service) probesLeft(ctx context.Context, q store.Querier, p access.Principal, lock bool) (int, error) {
	if !scoped(p) {
		return IDProbeLimit, nil
	}
	if lock {
		if _, err := q.ExecContext(ctx, s.q.LockProber, p.UserID); err != nil {
			return 0, err
		}
	}
	n, err := s.log.ProbesSince(ctx, q, p.UserID, s.now().Add(-IDProbeWindow))
	return IDProbeLimit - n, err
}

// probe records, in a transaction of its own, that p typed number of kind
// held outside their scope, and returns the refusal for field: that the
// number is registered elsewhere, or that p's probes are spent (then
// nothing is recorded: nothing was told).
func (s *Service) probe(ctx context.Context, p access.Principal, field, kind, number, via string) error {
	spent := false
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		left, err := s.probesLeft(ctx, tx, p, true)
		if spent = left <= 0; err != nil || spent {
			return err
		}
		return s.log.Probed(ctx, tx, p, kind, number, via)
	})
	switch {
	case err != nil:
		return err
	case spent:
		return errChecksSpent(field)
	}
	e := errs.New(errs.Conflict, "error.id_elsewhere")
	e.Fields = []errs.FieldError{idElsewhere(field)}
	return e
}

// idFree checks, through q, that rec's ID number may be given to rec for
// p: a holder within p's scope is a duplicate naming the record, one
// outside it is errHeldElsewhere, and a number nobody holds is refused
// once p's probes are spent, as a probe would be.
func (s *Service) idFree(ctx context.Context, q store.Querier, p access.Principal, rec Person) error {
	held, err := s.idHeld(ctx, q, p, rec)
	if err != nil || held {
		return err
	}
	left, err := s.probesLeft(ctx, q, p, false)
	if err == nil && left <= 0 {
		err = errChecksSpent("national_id")
	}
	return err
}

// idHeld reports, through q, whether another live person holds rec's ID
// number; when one does, the error is the duplicate naming them if p may
// see them, errHeldElsewhere if not.
func (s *Service) idHeld(ctx context.Context, q store.Querier, p access.Principal, rec Person) (bool, error) {
	var id int64
	var t access.Target
	err := q.QueryRowContext(ctx, s.q.IDHolder, rec.NationalID, rec.IDKind, rec.ID).Scan(&id, &t.OrgPath, &t.RegionPath)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, err
	case !access.Within(p, t):
		return true, errHeldElsewhere
	}
	e := errs.New(errs.Conflict, "error.duplicate_id", "ID", itoa(id))
	e.Fields = []errs.FieldError{errs.Field("national_id", "error.duplicate_id", "ID", itoa(id))}
	return true, e
}
