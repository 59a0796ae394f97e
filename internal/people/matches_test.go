package people_test

import (
	"testing"

	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestMatchesSayWhy(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		birth := day(2013, 7, 8)
		iin, _ := natid.MakeIIN(birth, natid.Male, 3)
		in := child(w.a, "Жақыпов", "Айбек", birth)
		in.NationalID, in.Patronymic = iin, "Серікұлы"
		aibek := w.mkPerson(t, w.opA, in)
		aibol := w.mkPerson(t, w.opA, child(w.a, "Жакупов", "Айбол", birth))
		w.mkPerson(t, w.opA, child(w.a, "Жақыпов", "Айбек", day(2013, 7, 9))) // another day
		sister := w.mkPerson(t, w.opA, child(w.a, "Жақыпова", "Айгерім", day(2016, 1, 1)))
		h, err := w.s.CreateHousehold(ctx, w.opA, people.HouseholdInput{OrgID: w.a.ID, RegionCode: "KZ-75"})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.s.AddMember(ctx, w.opA, h.ID, people.MemberInput{PersonID: sister.ID, Relation: people.Child}); err != nil {
			t.Fatal(err)
		}
		reasons := func(c people.Candidate) map[int64]people.Reason {
			t.Helper()
			ms, err := w.s.Matches(ctx, w.opA, c)
			if err != nil {
				t.Fatal(err)
			}
			out := map[int64]people.Reason{}
			for i, m := range ms {
				out[m.Person.ID] = m.Reason
				if i > 0 && m.Score > ms[i-1].Score {
					t.Errorf("matches out of order: %+v", ms)
				}
			}
			return out
		}
		got := reasons(people.Candidate{LastName: "Zhakupov", FirstName: "Aibek", BirthDate: birth, NationalID: iin, HouseholdID: h.ID})
		if len(got) != 3 || got[aibek.ID] != people.SameID || got[aibol.ID] != people.SimilarNameBirth || got[sister.ID] != people.SameHousehold {
			t.Fatalf("with ID: %v", got)
		}
		got = reasons(people.Candidate{LastName: "Jaqypov", FirstName: "Aybek", BirthDate: birth})
		if len(got) != 2 || got[aibek.ID] != people.SameNameBirth || got[aibol.ID] != people.SimilarNameBirth {
			t.Fatalf("by name: %v", got)
		}
		got = reasons(people.Candidate{LastName: "Jaqypov", FirstName: "Aybek", BirthDate: birth, Except: aibek.ID})
		if len(got) != 1 || got[aibol.ID] != people.SimilarNameBirth {
			t.Fatalf("leaving out the one edited: %v", got)
		}
		if got = reasons(people.Candidate{LastName: "Ivanov", FirstName: "Ivan"}); len(got) != 0 {
			t.Fatalf("nobody: %v", got)
		}
		if got = reasons(in.Candidate()); got[aibek.ID] != people.SameID {
			t.Fatalf("from the input: %v", got)
		}
	})
}
