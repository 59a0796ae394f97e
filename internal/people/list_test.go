package people_test

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/text"
)

// all pages through List and returns the ids in order, failing on a
// repeated id.
func all(t *testing.T, w *world, p access.Principal, f people.Filter, size int) []int64 {
	t.Helper()
	var ids []int64
	pg := people.Page{Limit: size}
	for range 100 {
		got, next, err := w.s.List(ctx, p, f, pg)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) > size {
			t.Fatalf("a page of %d", len(got))
		}
		for _, p := range got {
			if slices.Contains(ids, p.ID) {
				t.Fatalf("%s: %d on two pages", f.Sort, p.ID)
			}
			ids = append(ids, p.ID)
		}
		if next == "" {
			return ids
		}
		pg.Cursor = next
	}
	t.Fatal("paging does not end")
	return nil
}

func TestListPagesWithoutGapsOrRepeats(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		lasts := []string{"Ахметов", "Akhmetov", "Серікова", "Zhakupov", "Жақыпов", "محمدی", "Smith", "Ли", "Omarov"}
		var ps []people.Person
		for i := range 23 {
			in := child(w.a, lasts[i%len(lasts)], fmt.Sprintf("N%c", 'a'+i%4), day(2008+i%5, time.Month(1+i%3), 1))
			if i%6 == 0 {
				in.BirthDate = time.Time{}
			}
			if i%4 == 0 {
				in.NationalID = natid.MakeIranCode(1000 + i)
			}
			in.Grade = 1 + i%3
			ps = append(ps, w.mkPerson(t, admin, in))
		}
		want := func(cmp func(a, b people.Person) int) []int64 {
			sorted := slices.Clone(ps)
			slices.SortStableFunc(sorted, cmp)
			var ids []int64
			for _, p := range sorted {
				ids = append(ids, p.ID)
			}
			return ids
		}
		birth := want(func(a, b people.Person) int {
			switch {
			case a.BirthDate.IsZero() != b.BirthDate.IsZero():
				return map[bool]int{true: 1, false: -1}[a.BirthDate.IsZero()]
			case !a.BirthDate.Equal(b.BirthDate):
				return a.BirthDate.Compare(b.BirthDate)
			}
			return cmp.Compare(a.ID, b.ID)
		})
		created := want(func(a, b people.Person) int { return cmp.Compare(b.ID, a.ID) })
		byName := want(func(a, b people.Person) int {
			ka := text.NameKey(a.LastName, a.FirstName, a.Patronymic)
			return cmp.Or(strings.Compare(ka, text.NameKey(b.LastName, b.FirstName, b.Patronymic)), cmp.Compare(a.ID, b.ID))
		})
		coord := access.Principal{UserID: 4, Role: access.Coordinator, OrgPath: w.found.Path, RegionPath: "/KZ/"}
		for _, small := range []int{5000, 0} { // the foundation read through its index, or in list order
			people.SetSmallScope(w.s, small)
			for _, size := range []int{1, 5, 7, 23} {
				if got := all(t, w, coord, people.Filter{Sort: people.SortName}, size); !slices.Equal(got, byName) {
					t.Errorf("by name in pages of %d: %v, want %v", size, got, byName)
				}
			}
			if got := all(t, w, coord, people.Filter{Sort: people.SortBirth}, 4); !slices.Equal(got, birth) {
				t.Errorf("by birth: %v, want %v", got, birth)
			}
			if got := all(t, w, coord, people.Filter{}, 6); !slices.Equal(got, created) {
				t.Errorf("newest first: %v, want %v", got, created)
			}
		}
		first, next, _ := w.s.List(ctx, admin, people.Filter{Sort: people.SortName}, people.Page{Limit: 10})
		w.mkPerson(t, admin, child(w.a, "Abay", "Added", day(2010, 1, 1))) // sorts before the cursor
		rest, _, _ := w.s.List(ctx, admin, people.Filter{Sort: people.SortName}, people.Page{Cursor: next, Limit: 100})
		if got := append(ids(first), ids(rest)...); !slices.Equal(got, byName) {
			t.Errorf("a row added meanwhile moved the page: %v", got)
		}
		for _, c := range []string{"name.x.%%", "birth.1.", "garbage", "name.0.YQ"} {
			if again, _, _ := w.s.List(ctx, admin, people.Filter{Sort: people.SortName}, people.Page{Cursor: c, Limit: 3}); len(again) != 3 || again[0].LastName != "Abay" {
				t.Errorf("cursor %q does not start over: %s", c, names(again))
			}
		}
	})
}

func ids(ps []people.Person) []int64 {
	var out []int64
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return out
}
