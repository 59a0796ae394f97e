// Package geo holds Jol's places: the two countries and their first-level
// divisions that ship with Jol (the builtin regions, see regions.csv) and the
// districts, cities and settlements an installation imports below them.
//
// Regions form a tree. Each region carries its materialised path of codes,
// "/KZ/KZ-75/", so a region subtree is a prefix match. Codes are upper-case
// letters, digits, dots and hyphens only, which keeps paths safe inside a
// LIKE pattern.
package geo

import (
	"context"
	"embed"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
)

//go:embed queries*.sql
var queryFS embed.FS

type queries struct {
	LockTree, ByCode, Roots, Children, List, Search, Ancestors string
	Insert, Update, MovePaths                                  string
}

// Service reads the region tree and writes to it.
type Service struct {
	db  *store.DB
	log *audit.Log
	now func() time.Time
	q   queries
	// moved are told when a subtree of regions moves; see OnMove.
	moved []store.Repath
}

// OnMove registers f to run in the transaction of every move of a region
// subtree, with its old and new path. Call it while wiring, before serving.
func (s *Service) OnMove(f store.Repath) { s.moved = append(s.moved, f) }

// New returns the region service on db; changes are recorded in log and now
// is the clock.
func New(db *store.DB, log *audit.Log, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, now: now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("geo: %w", err)
	}
	return s, nil
}

// Region is one place in the tree: a country, a first-level division
// (region, city, province) or an imported district, city or settlement.
type Region struct {
	ID         int64  `json:"id"`
	Code       string `json:"code"`
	ParentCode string `json:"parent_code,omitempty"` // "" for a country
	Country    string `json:"country"`               // code of the root: "KZ" or "IR"
	Type       string `json:"type"`                  // country, region, city, province, district, …
	Path       string `json:"path"`                  // "/KZ/KZ-75/"
	NameEN     string `json:"name_en"`
	NameKK     string `json:"name_kk"`
	NameRU     string `json:"name_ru"`
	NameFR     string `json:"name_fr"`
	NameFA     string `json:"name_fa"`
	Builtin    bool   `json:"builtin"` // shipped with Jol; an import cannot change it
}

// Name returns the region's name in locale (kk, ru, en, fr or fa), or the
// English name when there is none in that language.
func (r Region) Name(locale string) string {
	if p := r.name(locale); p != nil && *p != "" {
		return *p
	}
	return r.NameEN
}

// searchKey is what the search column holds: the code and every name, folded.
func (r Region) searchKey() string {
	return Fold(r.Code + "\n" + r.NameEN + "\n" + r.NameKK + "\n" + r.NameRU + "\n" + r.NameFR + "\n" + r.NameFA)
}

func scanRegion(sc store.Scanner) (Region, error) {
	var r Region
	err := sc.Scan(&r.ID, &r.Code, &r.ParentCode, &r.Country, &r.Type, &r.Path,
		&r.NameEN, &r.NameKK, &r.NameRU, &r.NameFR, &r.NameFA, &r.Builtin)
	return r, err
}

// byCode reads one region through q (the read pool or a transaction).
func (s *Service) byCode(ctx context.Context, q store.Querier, code string) (Region, error) {
	r, err := scanRegion(q.QueryRowContext(ctx, s.q.ByCode, code))
	if err != nil {
		return Region{}, store.NotFound(err)
	}
	return r, nil
}
