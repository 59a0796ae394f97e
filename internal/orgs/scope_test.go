package orgs_test

import (
	"context"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func names(os []orgs.Organisation) string {
	out := ""
	for _, o := range os {
		out += o.Name + ";"
	}
	return out
}

func TestScopedCoordinatorStaysInTheirSubtree(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, _ := setup(t, db)
		f := mk(t, s, admin, "Foundation", 0, "KZ")
		a := mk(t, s, admin, "A", f.ID, "KZ-75")
		c := mk(t, s, admin, "C", f.ID, "KZ-75")
		coord := access.Principal{UserID: 2, Name: "Coordinator", Role: access.Coordinator, OrgPath: a.Path, RegionPath: "/KZ/KZ-75/"}
		b := mk(t, s, coord, "B", a.ID, "KZ-75")
		seen, _, err := s.List(ctx, coord, orgs.Filter{}, store.Page{})
		if err != nil || names(seen) != "B;A;" {
			t.Fatalf("coordinator lists %q, %v", names(seen), err)
		}
		if n, err := s.Count(ctx, coord); err != nil || n != 2 {
			t.Fatalf("coordinator counts %d, %v; want 2", n, err)
		}
		if n, err := s.Count(ctx, admin); err != nil || n != 4 {
			t.Fatalf("admin counts %d, %v; want 4", n, err)
		}
		if _, err := s.Count(ctx, access.Principal{Role: access.Sponsor}); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("sponsor counts organisations: %v", err)
		}
		forbidden := func(what string, err error) {
			t.Helper()
			if errs.CodeOf(err) != errs.Forbidden {
				t.Errorf("%s: %v, want forbidden", what, err)
			}
		}
		_, err = s.Get(ctx, coord, f.ID)
		forbidden("get the parent", err)
		_, err = s.Create(ctx, coord, orgs.Input{Name: "X", Type: orgs.School, ParentID: c.ID, RegionCode: "KZ-75"})
		forbidden("create under a sibling", err)
		_, err = s.Create(ctx, coord, orgs.Input{Name: "X", Type: orgs.School, RegionCode: "KZ-75"})
		forbidden("create a root", err)
		_, err = s.Create(ctx, coord, orgs.Input{Name: "X", Type: orgs.School, ParentID: a.ID, RegionCode: "KZ-71"})
		forbidden("create in another region", err)
		_, err = s.Update(ctx, coord, c.ID, orgs.Input{Name: "C!", Type: orgs.School, ParentID: f.ID, RegionCode: "KZ-75", Active: true})
		forbidden("rename a sibling", err)
		_, err = move(s, coord, b, c.ID)
		forbidden("move out of the subtree", err)
		_, err = move(s, coord, a, 0)
		forbidden("move own organisation to the top", err)
		b2, err := s.Update(ctx, coord, b.ID, orgs.Input{Name: "B2", Type: orgs.Charity, ParentID: a.ID, RegionCode: "KZ-75"})
		if err != nil || b2.Name != "B2" || b2.Active || !b2.UpdatedAt.Equal(testworld.Epoch()) {
			t.Fatalf("coordinator edits b: %+v, %v", b2, err)
		}
		up, _ := s.Ancestors(ctx, coord, b.ID)
		if names(up) != "A;" {
			t.Fatalf("coordinator sees ancestors %q", names(up))
		}
		outsider := access.Principal{Role: access.Operator, RegionPath: "/IR/"}
		if seen, _, _ := s.List(ctx, outsider, orgs.Filter{}, store.Page{}); len(seen) != 0 {
			t.Fatalf("operator in Iran sees %q", names(seen))
		}
	})
}

func TestNamesAreStoredVerbatimAndFiltered(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, _ := setup(t, db)
		weird := []string{`<script>alert("x")</script>`, `Robert'); DROP TABLE organisations;--`,
			"Школа №5 «Жол»", "100% _wild_ \\ cards", "مرکز حمایت\u200cاز کودکان"}
		root := mk(t, s, admin, weird[0], 0, "KZ")
		for _, n := range weird[1:] {
			mk(t, s, admin, n, root.ID, "KZ-75")
		}
		all, _, _ := s.List(ctx, admin, orgs.Filter{}, store.Page{})
		if len(all) != len(weird) {
			t.Fatalf("%d organisations", len(all))
		}
		for i, o := range all {
			if got, _ := s.Get(ctx, admin, o.ID); got.Name != weird[len(weird)-1-i] {
				t.Errorf("stored %q, typed %q", got.Name, weird[len(weird)-1-i])
			}
		}
		for q, want := range map[string]string{
			"drop TABLE": weird[1] + ";", "ШКОЛА": weird[2] + ";", "%": weird[3] + ";", "_wild_": weird[3] + ";",
			"\\": weird[3] + ";", "حمایت از": weird[4] + ";", "<SCRIPT>": weird[0] + ";",
		} {
			if got, _, _ := s.List(ctx, admin, orgs.Filter{Name: q}, store.Page{}); names(got) != want {
				t.Errorf("name filter %q: %q, want %q", q, names(got), want)
			}
		}
		kids, _, _ := s.List(ctx, admin, orgs.Filter{ParentID: root.ID, RegionCode: "kz-75", Type: orgs.School}, store.Page{Limit: 3})
		rest, last, _ := s.List(ctx, admin, orgs.Filter{ParentID: root.ID}, store.Page{Before: kids[2].ID, Limit: 3})
		none, _, _ := s.List(ctx, admin, orgs.Filter{RegionCode: "IR"}, store.Page{})
		unknown, _, err := s.List(ctx, admin, orgs.Filter{RegionCode: "XX"}, store.Page{})
		if len(kids) != 3 || len(rest) != 1 || last != "" || len(none) != 0 || len(unknown) != 0 || err != nil {
			t.Fatalf("filters: %d, %d (%q), %d, %d, %v", len(kids), len(rest), last, len(none), len(unknown), err)
		}
	})
}
