package people_test

import (
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestGuardians(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		orphan := w.mkPerson(t, admin, child(w.centre, "Исаев", "Тимур", day(2014, 6, 1)))
		if _, err := w.s.Assign(ctx, admin, orphan.ID, "orphan", people.Evidence{DocType: "Death certificates"}); err != nil {
			t.Fatal(err)
		}
		g, err := w.s.AddGuardian(ctx, admin, orphan.ID, people.GuardianInput{OrgID: w.centre.ID, Relation: people.Institution, Since: day(2020, 9, 1)})
		if err != nil || g.GuardianName != "Centre" || g.GuardianOrgID != w.centre.ID || !g.Since.Equal(day(2020, 9, 1)) {
			t.Fatalf("institution %+v, %v", g, err)
		}
		aunt := w.mkPerson(t, admin, child(w.a, "Исаева", "Жанар", day(1980, 1, 1)))
		g2, err := w.s.AddGuardian(ctx, admin, orphan.ID, people.GuardianInput{PersonID: aunt.ID, Relation: people.Trusteeship})
		if err != nil || g2.GuardianName != "Исаева Жанар" || !g2.Since.IsZero() {
			t.Fatalf("person %+v, %v", g2, err)
		}
		gs, err := w.s.Guardians(ctx, admin, orphan.ID)
		if err != nil || len(gs) != 2 || gs[0].ID != g.ID || gs[1].ID != g2.ID {
			t.Fatalf("guardians %+v, %v", gs, err)
		}
		for want, in := range map[string]people.GuardianInput{
			"guardian error.guardian_one":      {Relation: people.Custody},
			"guardian error.own_guardian":      {PersonID: orphan.ID, Relation: people.Custody},
			"relation error.invalid_choice_of": {OrgID: w.centre.ID, Relation: "owner"},
			"since error.date_future":          {OrgID: w.centre.ID, Relation: people.Institution, Since: clock().AddDate(0, 1, 0)},
			"guardian error.unknown_org":       {OrgID: 999, Relation: people.Institution},
			"guardian error.not_found":         {PersonID: 999, Relation: people.Custody},
		} {
			if _, err := w.s.AddGuardian(ctx, admin, orphan.ID, in); !slices.Contains(fieldKeys(err), want) {
				t.Errorf("%+v: %v, want %s", in, fieldKeys(err), want)
			}
		}
		if err := w.s.RemoveGuardian(ctx, admin, orphan.ID, g2.ID); err != nil {
			t.Fatal(err)
		}
		if err := w.s.RemoveGuardian(ctx, admin, orphan.ID, g2.ID); errs.CodeOf(err) != errs.NotFound {
			t.Fatalf("removing twice: %v", err)
		}
		if gs, _ := w.s.Guardians(ctx, admin, orphan.ID); len(gs) != 1 {
			t.Fatalf("after removal: %+v", gs)
		}
		if _, err := w.s.Guardians(ctx, w.opA, orphan.ID); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("operator A reads the centre's orphan: %v", err)
		}
		ch, _, _ := w.log.Changes(ctx, admin, audit.Filter{Entity: "person", EntityID: id(orphan.ID)}, store.Page{})
		if len(ch) != 5 || ch[0].Action != "remove_guardian" || ch[2].Action != "add_guardian" || ch[3].Action != "assign" {
			t.Fatalf("change log %+v", ch)
		}
	})
}
