package people_test

import (
	"slices"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestScopeKeepsRecordsApart(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		inA := w.mkPerson(t, w.opA, child(w.a, "Ахметова", "Мадина", day(2015, 3, 4)))
		inB := w.mkPerson(t, w.opB, child(w.b, "Ахметов", "Ерлан", day(2014, 2, 3)))
		forbidden := func(what string, err error) {
			t.Helper()
			if errs.CodeOf(err) != errs.Forbidden {
				t.Errorf("%s: %v, want forbidden", what, err)
			}
		}
		_, err := w.s.Get(ctx, w.opA, inB.ID, people.ViaWeb)
		forbidden("operator A opens a child of B", err)
		_, err = w.s.Update(ctx, w.opA, inB.ID, child(w.a, "X", "Y", day(2014, 2, 3)))
		forbidden("operator A takes a child of B", err)
		list, _, err := w.s.List(ctx, w.opA, people.Filter{}, people.Page{})
		if err != nil || len(list) != 1 || list[0].ID != inA.ID {
			t.Fatalf("operator A lists %+v, %v", list, err)
		}
		found, _ := w.s.Search(ctx, w.opA, "Ахметов", 0)
		if len(found) != 1 || found[0].ID != inA.ID {
			t.Fatalf("operator A finds %+v", found)
		}
		ms, _ := w.s.Matches(ctx, w.opA, people.Candidate{LastName: "Ахметов", FirstName: "Ерлан", BirthDate: day(2014, 2, 3)})
		if len(ms) != 0 {
			t.Fatalf("operator A matches a child of B: %+v", ms)
		}
		coord := access.Principal{UserID: 4, Role: access.Coordinator, OrgPath: w.found.Path, RegionPath: "/KZ/KZ-75/"}
		if all, _, _ := w.s.List(ctx, coord, people.Filter{Sort: people.SortName}, people.Page{}); len(all) != 2 {
			t.Fatalf("the foundation's coordinator lists %d", len(all))
		}
		if elsewhere, _, _ := w.s.List(ctx, access.Principal{Role: access.Operator, RegionPath: "/KZ/KZ-71/"}, people.Filter{}, people.Page{}); len(elsewhere) != 0 {
			t.Fatalf("an operator in Astana lists %d", len(elsewhere))
		}
		auditor := access.Principal{UserID: 5, Role: access.Auditor}
		if _, err := w.s.Get(ctx, auditor, inA.ID, people.ViaWeb); err != nil {
			t.Fatalf("auditor reads: %v", err)
		}
		_, err = w.s.Create(ctx, auditor, child(w.a, "X", "Y", day(2014, 2, 3)))
		forbidden("auditor creates", err)
		for _, r := range []access.Role{access.Sponsor, access.Volunteer, access.Mentor, access.Warehouse} {
			p := access.Principal{UserID: 9, Role: r}
			_, err := w.s.Get(ctx, p, inA.ID, people.ViaWeb)
			forbidden(string(r)+" opens", err)
			_, _, err = w.s.List(ctx, p, people.Filter{}, people.Page{})
			forbidden(string(r)+" lists", err)
			_, err = w.s.Search(ctx, p, "Ахметова", 0)
			forbidden(string(r)+" searches", err)
			_, err = w.s.Matches(ctx, p, people.Candidate{LastName: "Ахметова"})
			forbidden(string(r)+" matches", err)
			_, err = w.s.Create(ctx, p, child(w.a, "X", "Y", day(2014, 2, 3)))
			forbidden(string(r)+" creates", err)
			_, _, err = w.s.Households(ctx, p, people.HouseholdFilter{}, store.Page{})
			forbidden(string(r)+" lists households", err)
			_, err = w.s.Categories(ctx, p)
			forbidden(string(r)+" lists categories", err)
		}
	})
}

func TestListFilters(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		yes, no := true, false
		in := child(w.a, "Ахметова", "Мадина", day(2015, 3, 4)) // 11
		in.NationalID = natid.MakeIranCode(77)
		madina := w.mkPerson(t, admin, in)
		erlan := w.mkPerson(t, admin, child(w.b, "Ахметов", "Ерлан", day(2008, 9, 1))) // 18 today
		neet := child(w.centre, "Исаев", "Тимур", day(2007, 9, 2))                     // 18, 19 tomorrow
		neet.RegionCode, neet.Status, neet.Grade = "KZ-71", people.NEET, 0
		timur := w.mkPerson(t, admin, neet)
		unknown := w.mkPerson(t, admin, child(w.b, "Белгісіз", "Бала", time.Time{}))
		for name, c := range map[string]struct {
			f    people.Filter
			want []int64
		}{
			"all":          {people.Filter{}, []int64{unknown.ID, timur.ID, erlan.ID, madina.ID}},
			"Astana":       {people.Filter{RegionCode: "kz-71"}, []int64{timur.ID}},
			"Almaty":       {people.Filter{RegionCode: "KZ-75"}, []int64{unknown.ID, erlan.ID, madina.ID}},
			"nowhere":      {people.Filter{RegionCode: "XX"}, nil},
			"school B":     {people.Filter{OrgID: w.b.ID}, []int64{unknown.ID, erlan.ID}},
			"foundation":   {people.Filter{OrgID: w.found.ID}, []int64{unknown.ID, timur.ID, erlan.ID, madina.ID}},
			"no org":       {people.Filter{OrgID: 999}, nil},
			"grade 3":      {people.Filter{Grade: 3}, []int64{unknown.ID, erlan.ID, madina.ID}},
			"NEET":         {people.Filter{Status: people.NEET}, []int64{timur.ID}},
			"under 18":     {people.Filter{MaxAge: 17}, []int64{madina.ID}},
			"exactly 18":   {people.Filter{MinAge: 18, MaxAge: 18}, []int64{timur.ID, erlan.ID}},
			"11 to 18":     {people.Filter{MinAge: 11, MaxAge: 18}, []int64{timur.ID, erlan.ID, madina.ID}},
			"with an ID":   {people.Filter{HasID: &yes}, []int64{madina.ID}},
			"without":      {people.Filter{HasID: &no, RegionCode: "KZ-75"}, []int64{unknown.ID, erlan.ID}},
			"no such kind": {people.Filter{Category: "orphan"}, nil},
		} {
			for _, small := range []int{5000, 0} {
				people.SetSmallScope(w.s, small)
				got, _, err := w.s.List(ctx, admin, c.f, people.Page{})
				if err != nil || !slices.Equal(ids(got), c.want) {
					t.Errorf("%s (%d): %v, %v; want %v", name, small, ids(got), err, c.want)
				}
			}
		}
	})
}
