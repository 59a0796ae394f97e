package demo_test

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/guidance"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// census is what the registry holds, as the system sees it.
type census struct {
	persons    []people.Person
	households []people.Household
}

func count(t *testing.T, reg *people.Service) census {
	t.Helper()
	var c census
	pg := people.Page{Limit: store.MaxLimit}
	for {
		list, next, err := reg.List(ctx, access.System, people.Filter{}, pg)
		if err != nil {
			t.Fatal(err)
		}
		c.persons = append(c.persons, list...)
		if pg.Cursor = next; next == "" {
			break
		}
	}
	hp := store.Page{Limit: store.MaxLimit}
	for {
		list, next, err := reg.Households(ctx, access.System, people.HouseholdFilter{}, hp)
		if err != nil {
			t.Fatal(err)
		}
		c.households = append(c.households, list...)
		if next == "" {
			break
		}
		hp = store.ParsePage(next, "500")
	}
	return c
}

// A database loaded before the demo had children gains them, and loading
// it again changes nothing.
func TestSeedRegistersFamilies(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		svc := services(t, db)
		reg := svc.People
		if _, err := demo.Seed(ctx, svc, demo.Options{Now: now, NoRegistry: true}); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if _, err := demo.Seed(ctx, svc, demo.Options{Now: now}); err != nil {
			t.Fatal(err)
		}
		t.Logf("registry seeded in %v", time.Since(start).Round(time.Millisecond))
		c := count(t, reg)
		schools, _, err := svc.Orgs.List(ctx, access.System, orgs.Filter{Type: orgs.School}, store.Page{Limit: store.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		school := map[int64]bool{}
		for _, o := range schools {
			school[o.ID] = true
		}
		children, large, persian := 0, 0, 0
		for _, p := range c.persons {
			if a, _ := p.Age(now()); a >= people.Adult {
				// A parent or guardian is the support centre's record,
				// not a pupil on a school's list.
				if school[p.OrgID] {
					t.Errorf("adult %s (%d) belongs to school %s", p.FullName(), a, p.OrgName)
				}
				continue
			}
			if p.HouseholdID == 0 {
				continue // a centre's child or an applicant, not of the families
			}
			children++
			if strings.HasPrefix(p.RegionCode, "KZ") && p.NationalID != "" {
				id, err := natid.ParseIIN(p.NationalID)
				if err == nil {
					err = id.Consistent(p.BirthDate, map[people.Sex]natid.Sex{people.Male: natid.Male, people.Female: natid.Female}[p.Sex])
				}
				if err != nil {
					t.Errorf("%s, born %v, %s: IIN %s: %v", p.FullName(), p.BirthDate, p.Sex, p.NationalID, err)
				}
			}
			if p.RegionCode == "IR-23" && strings.ContainsFunc(p.FirstName, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) {
				persian++
			}
		}
		for _, h := range c.households {
			if h.Large {
				large++
			}
		}
		t.Logf("%d persons, %d children, %d households, %d large, %d Persian names in Tehran",
			len(c.persons), children, len(c.households), large, persian)
		if children < 1900 || children > 2100 || len(c.households) < 850 || len(c.households) > 950 {
			t.Errorf("%d children in %d households, want 1,900–2,100 in 850–950", children, len(c.households))
		}
		if persian < 200 || large == 0 {
			t.Errorf("%d children with Persian names in Tehran, %d large families", persian, large)
		}
		g := guide(t, svc)
		t.Logf("%d assessments, %d offers, placements %v", g.assessments, g.offers, g.outcomes)
		if g.assessments != 36 || g.persian == 0 || g.offers != 5 {
			t.Errorf("%d assessments (%d in Persian), %d offers; want 36 (some in Persian), 5", g.assessments, g.persian, g.offers)
		}
		for _, o := range guidance.PlacementOutcomes() {
			if g.outcomes[o] == 0 {
				t.Errorf("no placement %s: %v", o, g.outcomes)
			}
		}
		if _, err := demo.Seed(ctx, svc, demo.Options{Now: now}); err != nil {
			t.Fatalf("seed again: %v", err)
		}
		if again := count(t, reg); len(again.persons) != len(c.persons) || len(again.households) != len(c.households) {
			t.Errorf("seeding again: %d persons in %d households, then %d in %d",
				len(c.persons), len(c.households), len(again.persons), len(again.households))
		}
		if again := guide(t, svc); !reflect.DeepEqual(again, g) {
			t.Errorf("seeding again: %+v, then %+v", g, again)
		}
		u, err := svc.Accounts.LookupEmail(ctx, demo.Email("coordinator"))
		if err != nil {
			t.Fatal(err)
		}
		found, err := reg.Search(ctx, u.Principal(), "Zhakypov", 0)
		if err != nil {
			t.Fatal(err)
		}
		child := false
		for _, p := range found {
			a, _ := p.Age(now())
			child = child || a < people.Adult && (strings.HasPrefix(p.LastName, "Жақып") || strings.HasPrefix(p.LastName, "Жакып"))
		}
		if !child {
			t.Errorf("the coordinator searching Zhakypov finds no child Жақыпов: %v", found)
		}
	})
}
