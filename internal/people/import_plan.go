package people

import (
	"context"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// rowPlan is everything a row writes, decided before anything is written.
type rowPlan struct {
	outcome        Outcome
	rec            Person // the person as they will be stored; ID 0 when the row registers them
	old            Person // the person as stored; zero when the row registers them
	regionID       int64  // of rec's region
	before, after  map[string]any
	home           *home    // the household the person is in after the row, nil for none
	newHome        bool     // the row creates home
	join, relate   bool     // the person joins home, or changes their relation in it
	relation       Relation // for join and relate
	oldRelation    Relation // before relate
	phone, digits  string   // the guardian's phone, the phone of a new household
	g              *Person  // the guardian from the guardian columns; nil for none or a phone alone
	gRegionID      int64
	gNew, gHead    bool    // the guardian is registered with the row, as the head
	cats           []int64 // categories to assign
	catsBefore     []string
	guardianColumn bool // the row has a guardian, so the person needs a household
}

// plan checks a row and decides what it writes, reading only. Field errors
// are the row's faults; an error ends the import.
func (is *ImportSession) plan(ctx context.Context, row ImportRow) (*rowPlan, []errs.FieldError, error) {
	in := row.Person
	if in.OrgID == 0 {
		in.OrgID = is.o.OrgID
	}
	pl := &rowPlan{relation: row.Relation, guardianColumn: row.Guardian != nil}
	rec, fs := is.s.checkPerson(row, in)
	where, pfs, err := is.locate(ctx, in.RegionCode, in.OrgID)
	if err != nil {
		return nil, nil, err
	}
	gfs, err := is.checkGuardian(ctx, row, in, pl)
	if err != nil {
		return nil, nil, err
	}
	fs = append(append(fs, pfs...), gfs...)
	ref := text.Clean(row.HouseholdRef)
	fs = valid.Line(fs, "household_ref", row.HouseholdRef, maxRef)
	if row.Relation != "" && !slices.Contains(Relations(), row.Relation) {
		fs = append(fs, valid.Choice("relation", Relations()...))
	}
	cats, cfs := is.categories(row.Categories)
	if fs = append(fs, cfs...); len(fs) > 0 {
		return nil, fs, nil
	}
	pl.rec, pl.regionID = settle(rec, Person{}, where), where.regionID
	var h *home
	if ref != "" {
		if h, fs, err = is.homeByRef(ctx, ref); err != nil || len(fs) > 0 {
			return nil, fs, err
		}
	}
	if fs, err = is.match(ctx, pl, h); err != nil || len(fs) > 0 {
		return nil, fs, err
	}
	if fs, err = is.planHome(ctx, pl, ref, h); err != nil || len(fs) > 0 {
		return nil, fs, err
	}
	if err := is.planCategories(ctx, pl, cats); err != nil {
		return nil, nil, err
	}
	switch {
	case pl.old.ID == 0:
		pl.outcome = Created
	case pl.before != nil || pl.join || pl.relate || pl.gNew || pl.newHome || len(pl.cats) > 0:
		pl.outcome = Updated
	default:
		pl.outcome = Unchanged
	}
	is.keep(row.Line, pl)
	return pl, nil, nil
}

// checkGuardian checks the guardian columns of a row. A guardian with a
// name is a person of the household, in the person's place and
// organisation unless the row says otherwise; a phone without a name is
// only the household's phone.
func (is *ImportSession) checkGuardian(ctx context.Context, row ImportRow, in Input, pl *rowPlan) ([]errs.FieldError, error) {
	if row.Guardian == nil {
		return nil, nil
	}
	g := *row.Guardian
	if text.Clean(g.LastName) == "" && text.Clean(g.FirstName) == "" {
		var ok bool
		if pl.phone, pl.digits, ok = normPhone(g.Phone); !ok {
			return []errs.FieldError{errs.Field("guardian_phone", "error.invalid_phone")}, nil
		}
		return nil, nil
	}
	if g.RegionCode == "" {
		g.RegionCode = in.RegionCode
	}
	if g.OrgID == 0 {
		g.OrgID = in.OrgID
	}
	rec, fs := is.s.checkGuardianInput(row, g)
	where, pfs, err := is.locate(ctx, g.RegionCode, g.OrgID)
	fs = append(fs, pfs...)
	for i := range fs {
		fs[i].Field = "guardian_" + fs[i].Field
	}
	rec = settle(rec, Person{}, where)
	pl.g, pl.gRegionID, pl.phone, pl.digits = &rec, where.regionID, rec.Phone, rec.phoneDigits
	return fs, err
}

// categories resolves category codes to ids; a code that is unknown or no
// longer in use is a field error.
func (is *ImportSession) categories(codes []string) ([]int64, []errs.FieldError) {
	var ids []int64
	var fs []errs.FieldError
	for _, code := range codes {
		if code = strings.TrimSpace(code); code == "" {
			continue
		}
		c, ok := is.cats[code]
		switch {
		case !ok || !c.Active:
			fs = append(fs, errs.Field("categories", "error.unknown_category", "Code", code))
		case !slices.Contains(ids, c.ID):
			ids = append(ids, c.ID)
		}
	}
	return ids, fs
}
