package public_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// rules saves the campaign's rules as its coordinator would.
func (f *fixture) rules(t *testing.T, r eligibility.Rules) {
	t.Helper()
	if _, err := f.Services.Eligibility.SaveRuleSet(ctx, f.Principal(access.Coordinator), f.c.ID, r, eligibility.Weights{}); err != nil {
		t.Fatal(err)
	}
}

// iin is a girl's IIN for birth.
func iin(t *testing.T, birth time.Time, serial int) string {
	t.Helper()
	n, err := natid.MakeIIN(birth, natid.Female, serial)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// A campaign without rules refuses no child for age: operators judge.
func TestWithoutRulesEveryAgeIsTaken(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		a := f.application(t)
		a.BirthDate = testworld.Day(2023, 5, 1) // three years old
		a.NationalID = iin(t, a.BirthDate, 3)
		if _, err := f.s.Apply(ctx, "road", "192.0.2.1", a, false); err != nil {
			t.Fatalf("a child of three, no rules: %v", err)
		}
	})
}

// The form checks the current rules' ages and grades, for every item and
// per item, with the operators' keys, before anything is written; a child
// within them is registered with the grade the form gave.
func TestTheFormChecksTheRulesAgesAndGrades(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.rules(t, eligibility.Rules{All: eligibility.Criteria{Age: &eligibility.Range{Min: 6, Max: 10},
			Grade: &eligibility.Range{Min: 1, Max: 4}, Categories: []string{"orphan", "large-family"}},
			Items: map[int64]eligibility.Criteria{f.c.Shoes: {Age: &eligibility.Range{Min: 6, Max: 8}}}})
		c, err := f.s.Campaign(ctx, "road")
		if err != nil {
			t.Fatal(err)
		}
		if c.Rules.Version != 1 || *c.Rules.Age != (public.Range{Min: 6, Max: 10}) || len(c.Rules.Categories) != 2 ||
			c.Rules.Categories[0].Names.In("ru") != "Ребёнок-сирота" || c.Rules.Items[f.c.Shoes].Age.Max != 8 {
			t.Errorf("conditions %+v", c.Rules)
		}
		fa := w.Services.Catalog.Localizer(i18n.FA)
		if who := strings.Join(c.Rules.Describe(fa), " "); !strings.Contains(who, "۶ تا ۱۰") || !strings.Contains(who, "کودک یتیم") {
			t.Errorf("who may apply, in Persian: %q", who)
		}
		teen := f.application(t)
		teen.BirthDate, teen.ChildAssent, teen.Grade = testworld.Day(2012, 3, 4), true, "3"
		teen.NationalID = iin(t, teen.BirthDate, 4)
		cases := []struct {
			name string
			a    public.Application
			edit func(*public.Application)
			want string
		}{
			{"fourteen", teen, func(*public.Application) {}, "birth_date:error.request_outside_age"},
			{"no grade", f.application(t), func(*public.Application) {}, "grade:error.required"},
			{"grade 7", f.application(t), func(a *public.Application) { a.Grade = "7" }, "grade:error.request_outside_grade"},
			{"grade 13", f.application(t), func(a *public.Application) { a.Grade = "13" }, "grade:error.invalid_choice"},
			{"shoes at nine", f.application(t), func(a *public.Application) {
				a.Grade, a.Items = "3", []public.Choice{{ItemID: f.c.Kit}, {ItemID: f.c.Shoes, Size: "32"}}
			}, public.ItemField(f.c.Shoes) + ":public.error.item_age"},
		}
		for i, c := range cases {
			c.edit(&c.a)
			_, err := f.s.Apply(ctx, "road", fmt.Sprintf("192.0.2.%d", 10+i), c.a, false)
			if got := keys(err); !slices.Contains(got, c.want) {
				t.Errorf("%s: %v, want %s", c.name, got, c.want)
			}
		}
		if n := f.count(t, "persons"); n != 0 {
			t.Fatalf("%d persons written by refused applications", n)
		}
		a := f.application(t)
		a.Grade = "۳" // as a Persian keyboard types it
		if _, err := f.s.Apply(ctx, "road", "192.0.2.9", a, false); err != nil {
			t.Fatalf("a girl of nine in grade 3: %v", err)
		}
		var grade int
		if err := f.DB.R.QueryRowContext(ctx, store.Rebind(f.DB.Engine, `SELECT grade FROM persons WHERE national_id = $1`), a.NationalID).Scan(&grade); err != nil || grade != 3 {
			t.Errorf("the child's grade in the registry: %d (%v), want 3", grade, err)
		}
	})
}
