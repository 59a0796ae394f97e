package people_test

import (
	"testing"

	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// names lists the last and first names of ps.
func names(ps []people.Person) string {
	out := ""
	for _, p := range ps {
		out += p.LastName + " " + p.FirstName + ";"
	}
	return out
}

func TestSearchAcrossScripts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		iin, _ := natid.MakeIIN(day(2013, 7, 8), natid.Male, 3)
		in := child(w.a, "Жақыпов", "Айбек", day(2013, 7, 8))
		in.NationalID, in.Phone = iin, "8 701 555 12 34"
		aibek := w.mkPerson(t, admin, in)
		w.mkPerson(t, admin, child(w.a, "Ахметова", "Мадина", day(2015, 3, 4)))
		w.mkPerson(t, admin, child(w.a, "Ахметов", "Мадияр", day(2012, 1, 2)))
		ir := child(w.a, "محمدی", "زهرا", day(2014, 9, 10))
		ir.NationalID = natid.MakeIranCode(4567890) // 00456789x
		w.mkPerson(t, admin, ir)
		refugee := child(w.a, "Rahimi", "Hamid", day(2014, 9, 10))
		refugee.IDKind, refugee.NationalID = people.IDKindOther, "am-1234567"
		w.mkPerson(t, admin, refugee)
		h, err := w.s.CreateHousehold(ctx, admin, people.HouseholdInput{OrgID: w.a.ID, RegionCode: "KZ-75",
			ExternalRef: "ALM-2025/17", Phone: "+7 727 300 40 50"})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.s.AddMember(ctx, admin, h.ID, people.MemberInput{PersonID: aibek.ID, Relation: people.Child}); err != nil {
			t.Fatal(err)
		}
		for q, want := range map[string]string{
			"Zhakupov":              "Жақыпов Айбек;",
			"Jaqypov aibek":         "Жақыпов Айбек;",
			"АЙБЕК ЖАҚЫПОВ":         "Жақыпов Айбек;",
			"Mohammadi":             "محمدی زهرا;",
			"محمدي":                 "محمدی زهرا;",
			"Мадина Ахметова":       "Ахметова Мадина;",
			"Akhmetova Madina":      "Ахметова Мадина;",
			"Ахмет":                 "Ахметов Мадияр;Ахметова Мадина;",
			"Akhmetov Mad":          "Ахметов Мадияр;",
			iin:                     "Жақыпов Айбек;",
			iin[:6] + " " + iin[6:]: "Жақыпов Айбек;",
			ir.NationalID:           "محمدی زهرا;",
			"+7 (701) 555-12-34":    "Жақыпов Айбек;",
			"7015551234":            "Жақыпов Айбек;",
			"87273004050":           "Жақыпов Айбек;",
			"ALM-2025/17":           "Жақыпов Айбек;",
			"Petrov":                "",
			"%":                     "",
			"' OR 1=1 --":           "",
			"":                      "",
		} {
			got, err := w.s.Search(ctx, admin, q, 0)
			if err != nil || names(got) != want {
				t.Errorf("search %q: %q, %v; want %q", q, names(got), err, want)
			}
		}
		if got, _ := w.s.Search(ctx, admin, "Ахмет", 1); len(got) != 1 {
			t.Errorf("limit 1 gives %d", len(got))
		}
	})
}

// A first name typed alone, in any script, finds the persons of that first
// name as well as those whose last name starts with it, within the scope.
func TestSearchFirstName(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		in := child(w.a, "Ахметова", "Мадина", day(2015, 3, 4))
		in.Patronymic = "Сериковна"
		w.mkPerson(t, admin, in)
		w.mkPerson(t, admin, child(w.a, "Sultanova", "Madina", day(2014, 2, 3)))
		w.mkPerson(t, admin, child(w.a, "کریمی", "مدینه", day(2013, 1, 2)))
		w.mkPerson(t, admin, child(w.a, "Мадинов", "Арман", day(2012, 6, 7)))
		w.mkPerson(t, admin, child(w.a, "Ахметов", "Мадияр", day(2012, 1, 2)))
		w.mkPerson(t, admin, child(w.b, "Бекова", "Мадина", day(2015, 5, 6)))
		all := "Ахметова Мадина;Бекова Мадина;کریمی مدینه;Sultanova Madina;" // by name key
		for _, c := range []struct {
			q    string
			want string
		}{
			{"Мадина", all},
			{"madina", all},
			{"مدینه", all},
			{"Мадин", "Ахметова Мадина;Бекова Мадина;کریمی مدینه;Мадинов Арман;Sultanova Madina;"}, // and a last name
			{"Мадина Сериковна", "Ахметова Мадина;"},
			{"Serikovna Madina", "Ахметова Мадина;"},
			{"Мадияр", "Ахметов Мадияр;"},
			{"Сериковна", ""}, // a patronymic alone is not a first name
			{"Арман Мадинов", "Мадинов Арман;"},
		} {
			got, err := w.s.Search(ctx, admin, c.q, 0)
			if err != nil || names(got) != c.want {
				t.Errorf("search %q: %q, %v; want %q", c.q, names(got), err, c.want)
			}
		}
		// School A's operator does not see the Madina of school B.
		got, err := w.s.Search(ctx, w.opA, "Madina", 0)
		if want := "Ахметова Мадина;کریمی مدینه;Sultanova Madina;"; err != nil || names(got) != want {
			t.Errorf("operator A: %q, %v; want %q", names(got), err, want)
		}
		if got, _ := w.s.Search(ctx, admin, "Мадина", 2); len(got) != 2 {
			t.Errorf("limit 2 gives %d", len(got))
		}
	})
}
