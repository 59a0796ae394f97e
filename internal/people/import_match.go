package people

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
)

// match finds the registered person a row is about, so that importing a
// file again registers no one twice; pl.old stays zero when there is none.
// A row with an ID number matches the live person holding it; one outside
// p's scope is a probe (see heldElsewhere). Otherwise, and for a row whose ID number
// nobody holds yet, it matches a person of p's scope with the same name key
// (one of the two may lack the patronymic) and date of birth (both may be
// unknown) and no other ID number; h, the household of the row's
// reference, tells apart several. More than one left is ambiguous: the row
// is rejected rather than written to someone it may not be about.
func (is *ImportSession) match(ctx context.Context, pl *rowPlan, h *home) ([]errs.FieldError, error) {
	rec := pl.rec
	if rec.NationalID != "" {
		old, err := is.byID(ctx, rec.NationalID, rec.IDKind)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if fs, err := is.unheld(ctx, "national_id"); fs != nil || err != nil {
				return fs, err
			}
		case err != nil:
			return nil, err
		case !access.Within(is.p, old.Target()):
			return is.heldElsewhere(ctx, "national_id", rec.IDKind, rec.NationalID)
		default:
			return is.update(ctx, pl, old)
		}
	}
	key := text.NameKey(rec.LastName, rec.FirstName, "")
	if key == "" {
		return nil, nil
	}
	cands, err := is.candidates(ctx, key, rec.BirthDate)
	if err != nil {
		return nil, err
	}
	var found, spelled []Person
	for _, c := range append(cands, is.staged.names[nameBirth{key, dateText(rec.BirthDate)}]...) {
		if is.likely(rec, c) {
			found = append(found, c)
			if sameSpelling(rec, c) {
				spelled = append(spelled, c)
			}
		}
	}
	if len(spelled) > 0 {
		found = spelled
	}
	n := len(found)
	if n > 1 && h != nil {
		found = slices.DeleteFunc(found, func(c Person) bool { return c.HouseholdID != h.id })
	}
	switch {
	case n == 0:
		return nil, nil
	case len(found) == 1:
		return is.update(ctx, pl, found[0])
	}
	return []errs.FieldError{errs.Field("last_name", "error.ambiguous_match", "Count", n)}, nil
}

// candidates returns the registered persons whose name key is key, or key
// and a patronymic, born on birth (or of unknown birth, when it is zero):
// read ahead for the batch, or asked for.
func (is *ImportSession) candidates(ctx context.Context, key string, birth time.Time) ([]Person, error) {
	ps, err := is.storedCandidates(ctx, key, birth)
	if is.dry == nil || err != nil {
		return ps, err
	}
	k := nameBirth{key, dateText(birth)}
	return is.dry.fresh(ps, func(g *generation) []int64 { return g.names[k] }, func(q Person) bool {
		return strings.HasPrefix(q.nameKey+" ", key+" ") && dateText(q.BirthDate) == k.birth
	}), nil
}

func (is *ImportSession) storedCandidates(ctx context.Context, key string, birth time.Time) ([]Person, error) {
	if ps, ok := is.byName(key, birth); ok && !birth.IsZero() {
		return ps, nil
	}
	if is.load != nil {
		limit := 0
		if birth.IsZero() {
			limit = 50 // as ImportByNameUnborn
		}
		return is.loadNamed(ctx, key, dateText(birth), limit)
	}
	lo, hi := access.Span(key + " ")
	q, args := is.s.q.ImportByName, []any{key, lo, hi, birth}
	if birth.IsZero() {
		q, args = is.s.q.ImportByNameUnborn, args[:3]
	}
	var out []Person
	err := is.each(ctx, q, args, func(rs *sql.Rows) error {
		c, err := scanPerson(rs)
		out = append(out, c)
		return err
	})
	return out, err
}

// likely reports whether candidate c, of the same name key start and
// date of birth, may be the person of row rec: the same name key, in p's
// scope, no two different ID numbers or sexes. A person registered by this
// import (or made up by a dry run, with a negative id) whose name is spelled otherwise is someone else (twins named
// Hasan and Hossein share a key), not a line of the file written twice.
func (is *ImportSession) likely(rec, c Person) bool {
	return sameName(c.nameKey, rec.nameKey) && access.Within(is.p, c.Target()) &&
		(rec.NationalID == "" || c.NationalID == "") &&
		(rec.Sex == SexUnknown || c.Sex == SexUnknown || rec.Sex == c.Sex) &&
		(c.ID > 0 && c.ID <= is.firstID || sameSpelling(rec, c))
}

// sameSpelling reports whether two records spell the name alike, but for
// letter case and a patronymic one of them lacks.
func sameSpelling(a, b Person) bool {
	return strings.EqualFold(a.LastName, b.LastName) && strings.EqualFold(a.FirstName, b.FirstName) &&
		(a.Patronymic == "" || b.Patronymic == "" || strings.EqualFold(a.Patronymic, b.Patronymic))
}
