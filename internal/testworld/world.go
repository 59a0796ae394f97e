package testworld

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// World is an installation for one test: its database, its services and
// the records every world starts with.
//
// The organisations form two trees. In Kazakhstan, the Foundation (region
// KZ) runs School №1 and a Support centre, both in Almaty (KZ-75); in
// Iran, the Tehran charity (IR-23) stands alone, out of the Foundation's
// reach, for tests of scope.
type World struct {
	DB       *store.DB
	Services *services.Services
	Clock    *Clock

	Foundation orgs.Organisation // the root of the Kazakh tree, region KZ
	School     orgs.Organisation // School №1 under the Foundation, Almaty
	Centre     orgs.Organisation // Support centre under the Foundation, Almaty
	Tehran     orgs.Organisation // Tehran charity, a root of its own, IR-23

	// Users holds one user of every role, with the address Email(role),
	// who can log in with Password. The admin, the sponsor and the
	// auditor belong to no organisation and no region; the coordinator
	// runs the Foundation (region KZ); the operator and the school staff
	// work at School №1, the other roles at the Support centre (KZ-75).
	Users map[access.Role]accounts.User
	// Stranger is a coordinator of the Tehran charity: a user whom nothing
	// of the Kazakh tree is in scope for.
	Stranger accounts.User
}

// Each runs fn on a new world over a fresh database of each engine, as
// storetest.Each does.
func Each(t *testing.T, fn func(t *testing.T, w *World)) {
	t.Helper()
	storetest.Each(t, func(t *testing.T, db *store.DB) { fn(t, New(t, db)) })
}

// SQLite returns a new world over a fresh SQLite database, for tests that
// exercise what does not depend on the engine.
func SQLite(t testing.TB) *World {
	t.Helper()
	return New(t, storetest.SQLite(t))
}

// New builds a world over db, which must be migrated and empty: the
// services with a clock standing at Epoch and a cheap password hasher,
// the reference data they seed, the organisations and the users.
func New(t testing.TB, db *store.DB) *World {
	t.Helper()
	w := Empty(t, db)
	w.Foundation = w.Org(t, orgs.Input{Name: "Foundation", Type: orgs.Foundation, RegionCode: "KZ"})
	w.School = w.Org(t, orgs.Input{Name: "School №1", Type: orgs.School, ParentID: w.Foundation.ID, RegionCode: "KZ-75"})
	w.Centre = w.Org(t, orgs.Input{Name: "Support centre", Type: orgs.SupportCentre, ParentID: w.Foundation.ID, RegionCode: "KZ-75"})
	w.Tehran = w.Org(t, orgs.Input{Name: "Tehran charity", Type: orgs.Charity, RegionCode: "IR-23"})
	w.addUsers(t)
	return w
}

// Empty builds a world with the services and the reference data they
// seed (regions, categories) but no organisation and no user, for tests
// of what counts or lists every organisation or user, or seeds its own.
// Its organisation and user fields are zero.
func Empty(t testing.TB, db *store.DB) *World {
	t.Helper()
	w := &World{DB: db, Clock: NewClock(Epoch()), Users: map[access.Role]accounts.User{}}
	svc, err := services.New(t.Context(), db, services.Options{Now: w.Clock.Now, Hasher: Hasher()})
	if err != nil {
		t.Fatalf("build services: %v", err)
	}
	w.Services = svc
	return w
}

// Hasher hashes passwords with the least work Argon2id allows, so making
// users does not dominate a test's time.
func Hasher() *accounts.Hasher {
	return accounts.NewHasher(accounts.Params{Memory: 64, Time: 1, Threads: 1}, 2)
}
