package geo_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var (
	clock = func() time.Time { return time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC) }
	admin = access.Principal{UserID: 1, Name: "Admin", Role: access.Admin}
)

// seeded returns a region service on db with the builtin regions loaded.
func seeded(t *testing.T, db *store.DB) (*geo.Service, *audit.Log) {
	t.Helper()
	log, err := audit.New(db, clock)
	if err != nil {
		t.Fatal(err)
	}
	g, err := geo.New(db, log, clock)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Seed(context.Background()); err != nil {
		t.Fatal(err)
	}
	return g, log
}

func TestSeedIsIdempotent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		g, log := seeded(t, db)
		if err := g.Seed(ctx); err != nil {
			t.Fatal(err)
		}
		roots, err := g.Children(ctx, admin, "")
		if err != nil || len(roots) != 2 || roots[0].Code != "IR" || roots[1].Code != "KZ" {
			t.Fatalf("roots = %+v, %v", roots, err)
		}
		for code, want := range map[string]int{"KZ": 20, "IR": 31} {
			kids, err := g.Children(ctx, admin, code)
			if err != nil || len(kids) != want {
				t.Fatalf("%s has %d children (%v), want %d", code, len(kids), err, want)
			}
		}
		all, _, _ := g.List(ctx, admin, "", store.Page{Limit: store.MaxLimit})
		if len(all) != 53 {
			t.Fatalf("%d regions after seeding twice, want 53", len(all))
		}
		if ch := regionChanges(t, log, ""); len(ch) != 53 {
			t.Fatalf("%d audit entries after seeding twice, want 53", len(ch))
		}
	})
}

// The builtin regions carry their names in every language, Iran's
// provinces in Kazakh too.
func TestBuiltinNames(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		g, _ := seeded(t, db)
		abai, err := g.Get(ctx, admin, "kz-10")
		if err != nil {
			t.Fatal(err)
		}
		if abai.Name("kk") != "Абай облысы" || abai.Name("ru") != "Абайская область" ||
			abai.Name("fr") != "Région d'Abai" || abai.Name("fa") != "استان آبای" ||
			abai.Path != "/KZ/KZ-10/" || abai.ParentCode != "KZ" || !abai.Builtin {
			t.Fatalf("KZ-10 = %+v", abai)
		}
		tehran, _ := g.Lookup(ctx, "IR-23")
		if tehran.Name("fa") != "تهران" || tehran.Name("fr") != "Province de Téhéran" ||
			tehran.Name("kk") != "Тегеран облысы" || tehran.Country != "IR" || tehran.Type != "province" {
			t.Fatalf("IR-23 = %+v", tehran)
		}
		kz, _ := g.Lookup(ctx, "KZ")
		if kz.Name("kk") != "Қазақстан" || kz.Name("fa") != "قزاقستان" || kz.Path != "/KZ/" || kz.Type != "country" {
			t.Fatalf("KZ = %+v", kz)
		}
	})
}

func TestSearchInAnyScript(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		g, _ := seeded(t, db)
		codes := func(q string) []string {
			rs, err := g.Search(ctx, admin, q)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, r := range rs {
				out = append(out, r.Code)
			}
			return out
		}
		for q, want := range map[string]string{
			"АЛМАТЫ": "KZ-19 KZ-75", "téhéran": "IR-23", "تهران": "IR-23",
			"كرمان": "IR-05 IR-08", // Arabic kaf matches the Persian one
			"ir-30": "IR-30", "%": "", "_": "", "  ": "",
		} {
			got := ""
			for i, c := range codes(q) {
				if i > 0 {
					got += " "
				}
				got += c
			}
			if got != want {
				t.Errorf("Search(%q) = %q, want %q", q, got, want)
			}
		}
	})
}

func TestReadingNeedsViewRegions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		g, _ := seeded(t, db)
		if _, err := g.Get(ctx, access.Principal{Role: access.Sponsor}, "KZ-75"); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("sponsor reads a region: %v", err)
		}
		if _, err := g.Get(ctx, admin, "XX-1"); errs.CodeOf(err) != errs.NotFound || errs.As(err).Key != "error.not_found" {
			t.Fatalf("unknown code: %v", err)
		}
		if _, err := g.Children(ctx, admin, "XX-1"); errs.CodeOf(err) != errs.NotFound {
			t.Fatalf("children of unknown code: %v", err)
		}
		p1, next, _ := g.List(ctx, admin, "IR", store.Page{Limit: 20})
		p2, last, _ := g.List(ctx, admin, "IR", store.ParsePage(next, "20"))
		if len(p1) != 20 || len(p2) != 12 || last != "" || p2[11].Code != "IR" {
			t.Fatalf("IR pages: %d then %d (next %q, last %q)", len(p1), len(p2), next, last)
		}
	})
}
