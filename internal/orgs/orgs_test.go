package orgs_test

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// admin is an administrator known by principal alone: these tests need no
// user row.
var admin = access.Principal{UserID: 1, Name: "Admin", Role: access.Admin}

// setup returns the organisations service and the audit log of an empty
// test world on db: the tests build their own trees and count them.
func setup(t *testing.T, db *store.DB) (*orgs.Service, *audit.Log) {
	t.Helper()
	w := testworld.Empty(t, db)
	return w.Services.Orgs, w.Services.Audit
}

// mk creates an organisation or fails the test.
func mk(t *testing.T, s *orgs.Service, p access.Principal, name string, parent int64, region string) orgs.Organisation {
	t.Helper()
	o, err := s.Create(context.Background(), p, orgs.Input{Name: name, Type: orgs.School, ParentID: parent, RegionCode: region})
	if err != nil {
		t.Fatalf("create %s: %v", name, err)
	}
	return o
}

// move gives o a new parent, keeping everything else.
func move(s *orgs.Service, p access.Principal, o orgs.Organisation, parent int64) (orgs.Organisation, error) {
	return s.Update(context.Background(), p, o.ID, orgs.Input{Name: o.Name, Type: o.Type, ParentID: parent,
		RegionCode: o.RegionCode, Locale: o.Locale, Active: o.Active})
}

func fieldKey(err error) string {
	if e := errs.As(err); e != nil && len(e.Fields) > 0 {
		return e.Fields[0].Field + " " + e.Fields[0].Key
	}
	return "no field error: " + string(errs.CodeOf(err))
}

func TestMoveCarriesTheSubtree(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, log := setup(t, db)
		f := mk(t, s, admin, "Foundation", 0, "KZ")
		a := mk(t, s, admin, "A", f.ID, "kz-75")
		b := mk(t, s, admin, "B", a.ID, "KZ-75")
		c := mk(t, s, admin, "C", f.ID, "KZ-71")
		if f.Path != pathOf(f) || a.Path != f.Path+id(a) || b.Path != a.Path+id(b) || a.RegionPath != "/KZ/KZ-75/" || !a.Active {
			t.Fatalf("paths: %s %s %s", f.Path, a.Path, b.Path)
		}
		a2, err := move(s, admin, a, c.ID)
		if err != nil || a2.Path != c.Path+id(a) {
			t.Fatalf("move a under c: %+v, %v", a2, err)
		}
		if got, _ := s.Get(ctx, admin, b.ID); got.Path != c.Path+id(a)+id(b) {
			t.Fatalf("b after move: %s", got.Path)
		}
		if _, err := move(s, admin, f, b.ID); fieldKey(err) != "parent_id error.cycle" {
			t.Fatalf("f under its grandchild: %v", err)
		}
		if _, err := move(s, admin, a2, a.ID); fieldKey(err) != "parent_id error.cycle" {
			t.Fatalf("a under itself: %v", err)
		}
		top, err := move(s, admin, a2, 0)
		if got, _ := s.Get(ctx, admin, b.ID); err != nil || top.Path != pathOf(a) || got.Path != pathOf(a)+id(b) {
			t.Fatalf("a to the top: %+v, b %s, %v", top, got.Path, err)
		}
		up, _ := s.Ancestors(ctx, admin, b.ID)
		if len(up) != 1 || up[0].ID != a.ID {
			t.Fatalf("ancestors of b = %+v", up)
		}
		ch, _, _ := log.Changes(ctx, admin, audit.Filter{Entity: "organisation", EntityID: strings.Trim(id(a), "/")}, store.Page{})
		if len(ch) != 3 || ch[0].Action != "update" || !strings.Contains(ch[1].Before, `"path":"`+a.Path) ||
			!strings.Contains(ch[1].After, `"path":"`+c.Path+id(a)) || ch[2].Action != "create" {
			t.Fatalf("audit of a: %+v", ch)
		}
	})
}

// id is o's segment of a path, "7/"; pathOf is o's path as a root, "/7/".
func id(o orgs.Organisation) string     { return strconv.FormatInt(o.ID, 10) + "/" }
func pathOf(o orgs.Organisation) string { return "/" + id(o) }

func TestValidation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, _ := setup(t, db)
		for want, in := range map[string]orgs.Input{
			"name error.required":            {Name: "  ", Type: orgs.Police, RegionCode: "KZ"},
			"name error.too_long":            {Name: strings.Repeat("ж", 201), Type: orgs.Police, RegionCode: "KZ"},
			"name error.invalid":             {Name: "two\nlines", Type: orgs.Police, RegionCode: "KZ"},
			"type error.invalid_choice_of":   {Name: "x", Type: "army", RegionCode: "KZ"},
			"region_code error.required":     {Name: "x", Type: orgs.Police},
			"region_code error.not_found":    {Name: "x", Type: orgs.Police, RegionCode: "KZ-00"},
			"parent_id error.not_found":      {Name: "x", Type: orgs.Police, RegionCode: "KZ", ParentID: 999},
			"locale error.invalid_choice_of": {Name: "x", Type: orgs.Police, RegionCode: "KZ", Locale: "de"},
		} {
			if _, err := s.Create(ctx, admin, in); fieldKey(err) != want || errs.CodeOf(err) != errs.Invalid {
				t.Errorf("%+v: got %v, want %s", in, err, want)
			}
		}
		if _, err := s.Create(ctx, access.Principal{Role: access.Sponsor}, orgs.Input{Name: "x"}); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("sponsor creates: %v", err)
		}
		if _, err := s.Get(ctx, admin, 12345); errs.CodeOf(err) != errs.NotFound || errs.As(err).Key != "error.not_found" {
			t.Fatalf("get missing: %v", err)
		}
		if len(orgs.Types()) != 11 || !orgs.AdaptationCentre.Valid() || orgs.Type("army").Valid() {
			t.Fatal("types")
		}
	})
}
