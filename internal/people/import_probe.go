package people

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// probeBudget is how many probes the importing user has left, read once
// per batch: a real run reads it in the batch's transaction with the
// user's row locked, so two imports of one user take turns.
type probeBudget struct {
	left  int
	known bool
}

// probesLeft returns the probes the importing user has left.
func (is *ImportSession) probesLeft(ctx context.Context) (int, error) {
	if !is.probes.known {
		if err := is.sync(); err != nil { // after the write of a load's batch
			return 0, err
		}
		q, lock := store.Querier(is.tx), true
		if is.dry != nil { // the dry run's transaction only reads
			q, lock = is.s.db.R, false
		}
		left, err := is.s.probesLeft(ctx, q, is.p, lock)
		if err != nil {
			return 0, err
		}
		is.probes = probeBudget{left: left, known: true}
	}
	return is.probes.left, nil
}

// heldElsewhere answers a row whose ID number of field is held outside
// the user's scope, and records the probe: in the batch's transaction in
// a real run, in one of its own in a dry run, which writes nothing else,
// so that a dry run is no quieter way to ask.
func (is *ImportSession) heldElsewhere(ctx context.Context, field, kind, number string) ([]errs.FieldError, error) {
	if is.dry != nil {
		err := is.s.probe(ctx, is.p, field, kind, number, "dry_run")
		e := errs.As(err)
		if e == nil || len(e.Fields) == 0 {
			return nil, err
		}
		is.probes.known = false // read again: the probe's transaction counted afresh
		return e.Fields, nil
	}
	left, err := is.probesLeft(ctx) // after the write of a load's batch
	if err != nil {
		return nil, err
	}
	if left <= 0 {
		return []errs.FieldError{idChecksSpent(field)}, nil
	}
	if err := is.s.log.Probed(ctx, is.tx, is.p, kind, number, "import"); err != nil {
		return nil, err
	}
	is.probes.left--
	return []errs.FieldError{idElsewhere(field)}, nil
}

// otherHome answers a row whose person is already in household id, not
// the row's: the household is named when the user may see it (one a dry
// run made up, id < 0, is theirs); one outside the scope is not, and the
// probe is recorded as heldElsewhere records an ID number.
func (is *ImportSession) otherHome(ctx context.Context, personID, id int64) ([]errs.FieldError, error) {
	h := is.homes.home(id)
	if r, ok := is.loadRegion(id); h == nil && ok {
		h = &home{id: id, target: access.Target{OrgPath: is.orgPath, RegionPath: r}}
	}
	if h == nil && id > 0 {
		var err error
		if h, err = is.loadHome(ctx, is.s.q.ImportHousehold, id); err != nil {
			return nil, err
		}
	}
	if id < 0 || h != nil && access.Within(is.p, h.target) {
		return []errs.FieldError{errs.Field("household_ref", "error.in_other_household", "ID", itoa(id))}, nil
	}
	return is.homeElsewhere(ctx, personID)
}

// homeElsewhere answers a row whose person is in a household outside the
// user's scope, naming none, and records the probe: in the batch's
// transaction in a real run, in one of its own in a dry run.
func (is *ImportSession) homeElsewhere(ctx context.Context, personID int64) ([]errs.FieldError, error) {
	err := is.sync()
	if err != nil {
		return nil, err
	}
	if is.dry != nil { // the dry run's transaction only reads
		err = is.s.recordHomeProbe(ctx, is.p, personID, "dry_run")
	} else {
		err = is.s.log.ProbedThrough(ctx, is.tx, is.p, homeSubject(personID), "import")
	}
	if err != nil {
		return nil, err
	}
	is.probes.known = false // counted afresh when next asked
	return []errs.FieldError{homeElsewhere("household_ref")}, nil
}

// unheld answers a row whose ID number of field nobody holds: nothing,
// unless the user's probes are spent; then it is refused as a number held
// elsewhere would be, so the refusal tells nothing.
func (is *ImportSession) unheld(ctx context.Context, field string) ([]errs.FieldError, error) {
	left, err := is.probesLeft(ctx)
	if err != nil || left > 0 {
		return nil, err
	}
	return []errs.FieldError{idChecksSpent(field)}, nil
}
