package registry

import (
	"net/http"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// mergeCompare is two records side by side before a merge: the fields of
// each, what the record kept will take from the one dropped, and the
// reasons the merge would be refused, if any.
type mergeCompare struct {
	Keep, Drop people.Person
	Rows       []compareRow
	Moves      []moveRow
	Blocks     []string
	SwapURL    string // the same comparison with the other record kept
}

// compareRow is one field of both records. Fill marks an empty field of
// the record kept that the merge fills from the one dropped.
type compareRow struct {
	Label, Keep, Drop string
	Fill, Differ, LTR bool
}

// moveRow is one kind of thing the record dropped has that moves to the
// record kept, each item named.
type moveRow struct {
	Label string
	Items []string
}

// compare reads both records of a merge (each read is written to the
// access log) and what hangs off them.
func (s *Server) compare(r *http.Request, rq *request, pg *Page, page people.Person, keepID, dropID int64) (*mergeCompare, error) {
	ctx, l := r.Context(), rq.L
	c := &mergeCompare{}
	other := keepID
	if other == page.ID {
		other = dropID
	}
	o, err := s.svc.People.Get(ctx, rq.P, other, people.ViaWeb)
	if err != nil {
		return nil, err
	}
	c.Keep, c.Drop = page, o
	if keepID != page.ID {
		c.Keep, c.Drop = o, page
	}
	c.SwapURL = personURL(page.ID) + "/merge?with=" + kit.Itoa(o.ID)
	if c.Keep.ID == page.ID {
		c.SwapURL += "&keep=" + kit.Itoa(o.ID)
	}
	c.Rows = compareRows(rq, pg, s.RegionNamer(ctx, s.svc.Geo, string(l.Locale())), c.Keep, c.Drop)
	keepGuardians, err := s.svc.People.Guardians(ctx, rq.P, c.Keep.ID)
	if err != nil {
		return nil, err
	}
	dropGuardians, err := s.svc.People.Guardians(ctx, rq.P, c.Drop.ID)
	if err != nil {
		return nil, err
	}
	c.Blocks = mergeBlocks(rq, c.Keep, c.Drop, keepGuardians, dropGuardians)
	if c.Moves, err = s.mergeMoves(r, rq, pg, c.Keep, c.Drop, dropGuardians); err != nil {
		return nil, err
	}
	return c, nil
}

// compareRows lays out the fields of both records; those a merge fills
// are the ones people.Merge fills, when empty on the record kept. An empty
// field is "" (the page says it is not recorded).
func compareRows(rq *request, pg *Page, region func(string) string, keep, drop people.Person) []compareRow {
	l := rq.L
	sex := func(p people.Person) string {
		if p.Sex == people.SexUnknown || p.Sex == "" {
			return ""
		}
		return sexName(l, p.Sex)
	}
	langs := func(p people.Person) string {
		names := make([]string, len(p.Languages))
		for i, c := range p.Languages {
			names[i] = kit.LangName(c)
		}
		return strings.Join(names, l.T("common.list_separator"))
	}
	fields := []struct {
		label    string
		get      func(people.Person) string
		fills    bool
		leftward bool // digits and codes, read left to right on every page
	}{
		{l.T("common.full_name"), people.Person.FullName, false, false},
		{l.T("field.birth_date"), func(p people.Person) string { return pg.Day(p.BirthDate) }, true, false},
		{l.T("field.sex"), sex, true, false},
		{l.T("field.national_id"), func(p people.Person) string { return p.NationalID }, true, true},
		{l.T("field.phone"), func(p people.Person) string { return p.Phone }, true, true},
		{l.T("common.region"), func(p people.Person) string { return region(p.RegionCode) }, false, false},
		{l.T("field.address"), func(p people.Person) string { return p.Address }, true, false},
		{l.T("field.languages"), langs, true, false},
		{l.T("people.school"), func(p people.Person) string { return p.OrgName }, false, false},
		{l.T("households.household"), func(p people.Person) string { return householdName(l, p) }, false, false},
		{l.T("field.special_needs"), func(p people.Person) string { return p.SpecialNeeds }, true, false},
		{l.T("field.notes"), func(p people.Person) string { return p.Notes }, true, false},
	}
	out := make([]compareRow, 0, len(fields))
	for _, f := range fields {
		k, d := f.get(keep), f.get(drop)
		out = append(out, compareRow{Label: f.label, Keep: k, Drop: d, LTR: f.leftward,
			Fill: f.fills && k == "" && d != "", Differ: k != d})
	}
	return out
}

// householdName is "Household No. N", "" for none, and never the number
// of a household outside the user's scope (people.Person.HouseholdElsewhere).
func householdName(l *i18n.Localizer, p people.Person) string {
	switch {
	case p.HouseholdElsewhere:
		return l.T("people.household_elsewhere_short")
	case p.HouseholdID == 0:
		return ""
	}
	return l.T("households.number", "ID", l.Digits(kit.Itoa(p.HouseholdID)))
}

// mergeBlocks are the reasons people.Merge would refuse this merge, shown
// before the user confirms it; the service decides again when they do.
func mergeBlocks(rq *request, keep, drop people.Person, keepGuardians, dropGuardians []people.Guardianship) []string {
	l := rq.L
	var out []string
	for _, p := range []people.Person{keep, drop} {
		if p.MergedInto != 0 {
			out = append(out, l.T("error.merged", "ID", l.Digits(kit.Itoa(p.MergedInto))))
		}
		if access.Can(rq.P, access.EditChild, p.Target()) != nil {
			out = append(out, l.T("error.forbidden"))
		}
	}
	switch {
	case keep.HouseholdID != 0 && drop.HouseholdID != 0 && keep.HouseholdID != drop.HouseholdID:
		out = append(out, l.T("error.merge_households", "ID", l.Digits(kit.Itoa(keep.HouseholdID))))
	case keep.HouseholdElsewhere && drop.HouseholdID != 0:
		// The kept record's household is outside the scope, so it is not
		// drop's: refused, without naming it. When both are outside, the
		// user cannot tell whether they are one; the service decides.
		out = append(out, l.T("error.merge_households_elsewhere"))
	}
	linked := false
	for _, g := range keepGuardians {
		linked = linked || g.GuardianPersonID == drop.ID
	}
	for _, g := range dropGuardians {
		linked = linked || g.GuardianPersonID == keep.ID
	}
	if linked {
		out = append(out, l.T("error.own_guardian"))
	}
	return out
}
