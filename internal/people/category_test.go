package people_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestCategories(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		if err := w.s.Seed(ctx); err != nil { // twice is harmless
			t.Fatal(err)
		}
		cs, err := w.s.Categories(ctx, w.opA)
		if err != nil || len(cs) != 12 || cs[0].Code != "low-income" || cs[11].Code != "out-of-school" {
			t.Fatalf("categories %+v, %v", cs, err)
		}
		for _, c := range cs {
			if c.NameEN == "" || c.NameKK == "" || c.NameRU == "" || c.NameFR == "" || c.NameFA == "" || !c.Builtin || !c.Active {
				t.Errorf("category %+v", c)
			}
		}
		if cs[1].Name("ru") != "Многодетная семья" || cs[1].Name("de") != "Large family" {
			t.Errorf("names of %s", cs[1].Code)
		}
		coord := access.Principal{UserID: 4, Role: access.Coordinator, OrgPath: w.found.Path}
		in := people.CategoryInput{Code: "refugee", NameEN: "Refugee", NameRU: "Беженец", NameFA: "پناهنده"}
		if _, err := w.s.CreateCategory(ctx, coord, in); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("coordinator adds a category: %v", err)
		}
		c, err := w.s.CreateCategory(ctx, admin, in)
		if err != nil || c.ID == 0 || !c.Active || c.Builtin || c.Name("kk") != "Refugee" {
			t.Fatalf("created %+v, %v", c, err)
		}
		if _, err := w.s.CreateCategory(ctx, admin, in); fieldKeys(err)[0] != "code error.code_taken" {
			t.Fatalf("same code: %v", err)
		}
		if _, err := w.s.CreateCategory(ctx, admin, people.CategoryInput{Code: "Bad Code"}); len(fieldKeys(err)) != 2 {
			t.Fatalf("bad category: %v", fieldKeys(err))
		}
		in.Active = false
		if c, err = w.s.UpdateCategory(ctx, admin, in); err != nil || c.Active {
			t.Fatalf("deactivated %+v, %v", c, err)
		}

		p := w.mkPerson(t, w.opA, child(w.a, "Омарова", "Әйгерім", day(2012, 5, 5)))
		old := people.Evidence{DocType: "Справка", DocNumber: "№ 15", IssuedOn: day(2025, 1, 10), ExpiresOn: day(2026, 1, 10), Verified: true}
		a, err := w.s.Assign(ctx, w.opA, p.ID, "low-income", old)
		if err != nil || !a.Expired(clock()) || a.VerifiedBy != w.opA.UserID || !a.VerifiedAt.Equal(clock()) || a.Category.Code != "low-income" {
			t.Fatalf("assigned %+v, %v", a, err)
		}
		if _, err := w.s.Assign(ctx, w.opA, p.ID, "disability", people.Evidence{ExpiresOn: day(2027, 1, 1)}); err != nil {
			t.Fatal(err)
		}
		as, err := w.s.Assignments(ctx, w.opA, p.ID)
		if err != nil || len(as) != 2 || !as[0].Expired(clock()) || as[1].Expired(clock()) || as[1].VerifiedBy != 0 {
			t.Fatalf("assignments %+v, %v", as, err)
		}
		for code, want := range map[string]string{"refugee": "category error.category_inactive", "nope": "category error.not_found"} {
			if _, err := w.s.Assign(ctx, w.opA, p.ID, code, people.Evidence{}); fieldKeys(err)[0] != want {
				t.Errorf("assign %s: %v", code, fieldKeys(err))
			}
		}
		bad := people.Evidence{IssuedOn: day(2026, 1, 1), ExpiresOn: day(2025, 1, 1)}
		if _, err := w.s.Assign(ctx, w.opA, p.ID, "orphan", bad); fieldKeys(err)[0] != "expires_on error.expires_before_issued" {
			t.Errorf("expiry before issue: %v", fieldKeys(err))
		}
		renewed, _ := w.s.Assign(ctx, w.opA, p.ID, "low-income", people.Evidence{IssuedOn: day(2026, 1, 11), ExpiresOn: day(2027, 1, 11)})
		if renewed.Expired(clock()) || renewed.VerifiedBy != 0 {
			t.Fatalf("renewed %+v", renewed)
		}
		w.mkPerson(t, w.opA, child(w.a, "Other", "Child", day(2012, 5, 5)))
		list, _, _ := w.s.List(ctx, w.opA, people.Filter{Category: "disability"}, people.Page{})
		if len(list) != 1 || list[0].ID != p.ID {
			t.Fatalf("list by category: %s", names(list))
		}
		if err := w.s.Unassign(ctx, w.opA, p.ID, "disability"); err != nil {
			t.Fatal(err)
		}
		if err := w.s.Unassign(ctx, w.opA, p.ID, "disability"); errs.CodeOf(err) != errs.NotFound {
			t.Fatalf("unassign twice: %v", err)
		}
		if list, _, _ = w.s.List(ctx, w.opA, people.Filter{Category: "disability"}, people.Page{}); len(list) != 0 {
			t.Fatalf("after unassign: %s", names(list))
		}
	})
}
