package people

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
)

// planHome decides the household the person is in after the row: the one
// of the row's reference (created when it is new), or, for a row with a
// guardian but no reference, the person's own household, created when
// they have none. Someone already in another household stays there: the
// row is rejected.
func (is *ImportSession) planHome(ctx context.Context, pl *rowPlan, ref string, h *home) ([]errs.FieldError, error) {
	old := pl.old
	switch {
	case ref == "" && !pl.guardianColumn:
		return nil, nil
	case old.HouseholdID < 0 && ref == "":
		h = is.madeUpHome(old.HouseholdID, pl)
	case ref == "" && old.HouseholdID != 0:
		var err error
		if h = is.homes.home(old.HouseholdID); h == nil {
			if h, err = is.loadHome(ctx, is.s.q.ImportHousehold, old.HouseholdID); err != nil {
				return nil, err
			}
		}
		if h == nil {
			return []errs.FieldError{errs.Field("household_ref", "error.forbidden")}, nil
		}
		if !access.Within(is.p, h.target) { // a guardian would join a household out of sight
			return is.homeElsewhere(ctx, old.ID)
		}
	case h == nil:
		h = &home{ref: ref, target: access.Target{OrgPath: is.orgPath, RegionPath: pl.rec.RegionPath}}
		pl.newHome = true
	}
	pl.home = h
	switch {
	case old.HouseholdID != 0 && old.HouseholdID != h.id:
		return is.otherHome(ctx, old.ID, old.HouseholdID)
	case old.HouseholdID == 0:
		pl.join = true
		if pl.relation == "" {
			pl.relation = Child
		}
	case pl.relation != "":
		k := h.member(old.ID)
		if pl.relate = k != nil && k.relation != pl.relation; pl.relate {
			pl.oldRelation = k.relation
		}
	}
	return is.planGuardian(ctx, pl)
}

// madeUpHome returns the household with id that a dry run made up for
// the person of a row without a reference, known again without its
// members when the session has forgotten it.
func (is *ImportSession) madeUpHome(id int64, pl *rowPlan) *home {
	if h := is.homes.home(id); h != nil {
		return h
	}
	h := &home{id: id, target: access.Target{OrgPath: is.orgPath, RegionPath: pl.rec.RegionPath}}
	is.homes.homes[id] = h
	return h
}

// planGuardian finds the guardian of a row among the members of the
// person's household, by ID number when the row gives one, else by name
// key (the phone tells apart members with the same key), or plans to
// register them in it with the relation Guardian, as its head when it has
// none. The person of the row is never their own guardian: a mother and
// her daughter may share a name. The guardian columns name an adult able
// to head the household: one younger than MinHeadAge is refused, head or
// not (it is almost always a child's name written in the wrong columns). A
// guardian found is not updated: the registry keeps what it has. A guardian
// is never matched to a minor by name; an ID number a minor holds refuses
// the row.
func (is *ImportSession) planGuardian(ctx context.Context, pl *rowPlan) ([]errs.FieldError, error) {
	g, h := pl.g, pl.home
	if g == nil {
		return nil, nil
	}
	var found *kin
	for i := range h.members {
		k := &h.members[i]
		switch {
		case k.id == pl.old.ID:
		case g.NationalID != "":
			if k.natID == g.NationalID {
				found = k
			}
		case is.minor(k.birth): // a guardian is never a child: names of mother and daughter may fold alike
		case sameName(k.nameKey, g.nameKey) && (found == nil || g.phoneDigits != "" && k.digits == g.phoneDigits):
			found = k
		}
	}
	if found != nil && is.minor(found.birth) { // the child's own ID number in the guardian's columns
		return []errs.FieldError{errs.Field("guardian_national_id", "error.guardian_minor")}, nil
	}
	birth := g.BirthDate
	if found != nil {
		birth = found.birth
	}
	if !birth.IsZero() && age(birth, is.s.today()) < MinHeadAge {
		return []errs.FieldError{errs.Field("guardian_last_name", "error.head_too_young", "Count", MinHeadAge)}, nil
	}
	if found != nil {
		return nil, nil
	}
	if g.NationalID != "" {
		other, err := is.byID(ctx, g.NationalID, g.IDKind)
		switch {
		case err == nil && access.Within(is.p, other.Target()):
			return []errs.FieldError{errs.Field("guardian_national_id", "error.duplicate_id", "ID", itoa(other.ID))}, nil
		case err == nil:
			return is.heldElsewhere(ctx, "guardian_national_id", g.IDKind, g.NationalID)
		case !errors.Is(err, sql.ErrNoRows):
			return nil, err
		}
		if fs, err := is.unheld(ctx, "guardian_national_id"); fs != nil || err != nil {
			return fs, err
		}
	}
	pl.gNew, pl.gHead = true, !h.head
	return nil, nil
}

// minor reports whether someone born on birth is under Adult today; an
// unknown birth date is not a minor's.
func (is *ImportSession) minor(birth time.Time) bool {
	return !birth.IsZero() && age(birth, is.s.today()) < Adult
}
