package charities_test

import (
	"database/sql"
	"errors"
	"os"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/charities"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func TestCharitiesAreKeptAndChecked(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Charities
		coord := w.Principal(access.Coordinator)
		org := w.Org(t, orgs.Input{Name: "Almaty benefactors", Type: orgs.Charity, RegionCode: "KZ-75"})
		in := charities.Input{Name: "Mercy", OrgID: org.ID, Capacity: 2, Active: true,
			Domains: []charities.Domain{charities.Health, charities.Devices, charities.Health}, RegionCodes: []string{"kz-75"}}

		_, err := s.Create(ctx, w.Principal(access.Outreach), in)
		wantKey(t, err, "error.forbidden")
		bad := in
		bad.Name, bad.Capacity, bad.Domains, bad.RegionCodes = "", 0, []charities.Domain{"magic"}, []string{"XX-99"}
		_, err = s.Create(ctx, coord, bad)
		if e := errs.As(err); e == nil || len(e.Fields) != 4 {
			t.Fatalf("bad input: %v", err)
		}

		c, err := s.Create(ctx, coord, in)
		must(t, err)
		if c.Version != 1 || len(c.Domains) != 2 || len(c.Regions) != 1 || c.Regions[0] != "KZ-75" || c.Free() != 2 {
			t.Fatalf("created %+v", c)
		}
		if !c.WorksIn("/KZ/KZ-75/KZ-75-01/") || c.WorksIn("/KZ/KZ-71/") || !c.Covers(charities.Devices) || c.Covers(charities.Food) {
			t.Fatalf("covers and works in: %+v", c)
		}
		_, err = s.Create(ctx, coord, in)
		wantKey(t, err, "error.charity_org_taken")

		in.Name, in.Domains = "Mercy fund", []charities.Domain{charities.Food}
		u, err := s.Update(ctx, coord, c.ID, c.Version, in)
		must(t, err)
		if u.Name != "Mercy fund" || u.Version != 2 || len(u.Domains) != 1 || u.Domains[0] != charities.Food {
			t.Fatalf("updated %+v", u)
		}
		_, err = s.Update(ctx, coord, c.ID, c.Version, in)
		wantKey(t, err, "error.conflict")

		list, err := s.List(ctx, w.Principal(access.Outreach), charities.Food)
		must(t, err)
		if len(list) != 1 || list[0].ID != c.ID {
			t.Fatalf("list by food %+v", list)
		}
		if list, _ := s.List(ctx, coord, charities.Health); len(list) != 0 {
			t.Fatalf("list by health %+v", list)
		}
		_, err = s.List(ctx, w.Principal(access.Sponsor), "")
		wantKey(t, err, "error.forbidden")

		staff := w.User(t, testUser(org.ID)).Principal()
		mine, err := s.Mine(ctx, staff)
		must(t, err)
		if mine.ID != c.ID {
			t.Fatalf("mine %+v", mine)
		}
		if _, err := s.Get(ctx, staff, c.ID); err != nil {
			t.Fatalf("staff reads their charity: %v", err)
		}
		_, err = s.Mine(ctx, w.Principal(access.Charity)) // the Tehran charity has no record
		if !errorsIsNotFound(err) {
			t.Fatalf("mine of a charity with no record: %v", err)
		}

		// Places: two taken, the third refused; the capacity cannot fall
		// below what is taken; a place given back is free again.
		take := func() error { return w.DB.Tx(ctx, func(tx *sql.Tx) error { return s.Take(ctx, tx, c.ID) }) }
		must(t, take())
		must(t, take())
		wantKey(t, take(), "error.charity_full")
		in.Capacity = 1
		_, err = s.Update(ctx, coord, c.ID, u.Version, in)
		wantKey(t, err, "error.charity_below_taken")
		must(t, w.DB.Tx(ctx, func(tx *sql.Tx) error { return s.Release(ctx, tx, c.ID) }))
		must(t, take())
	})
}

func testUser(orgID int64) accounts.NewUser {
	return accounts.NewUser{Email: "mercy@example.org", Name: "Mercy staff", Role: access.Charity, OrgID: orgID}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantKey(t *testing.T, err error, key string) {
	t.Helper()
	e := errs.As(err)
	if e == nil {
		t.Fatalf("error %v, want %s", err, key)
	}
	if e.Key == key {
		return
	}
	for _, f := range e.Fields {
		if f.Key == key {
			return
		}
	}
	t.Fatalf("error %v (%s %+v), want %s", err, e.Key, e.Fields, key)
}

func errorsIsNotFound(err error) bool { return errors.Is(err, errs.ErrNotFound) }
