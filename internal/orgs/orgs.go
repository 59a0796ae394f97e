// Package orgs keeps the organisations a programme works with — foundations,
// education departments, schools, centres, charities and the public bodies
// around a child — and their tree. Each organisation carries its
// materialised path of ids, "/1/7/", so an organisation subtree is a prefix
// match, and the path of its region, so a record's scope is known without
// another query.
package orgs

import (
	"embed"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
)

//go:embed queries*.sql
var queryFS embed.FS

type queries struct {
	LockTree, Region, ByID, List, Ancestors, Count string
	Insert, SetPath, Update, MoveSubtree           string
}

// Service reads and writes organisations.
type Service struct {
	db  *store.DB
	log *audit.Log
	now func() time.Time
	q   queries
	// moved are told when a subtree moves; see OnMove.
	moved []store.Repath
}

// OnMove registers f to run in the transaction of every subtree move, with
// the subtree's old and new path. Call it while wiring, before serving.
func (s *Service) OnMove(f store.Repath) { s.moved = append(s.moved, f) }

// New returns the organisation service on db; changes are recorded in log
// and now is the clock.
func New(db *store.DB, log *audit.Log, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, now: now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("orgs: %w", err)
	}
	return s, nil
}

// Type is the kind of an organisation.
type Type string

// The kinds of organisation Jol knows.
const (
	Foundation          Type = "foundation"
	EducationDepartment Type = "education_department"
	School              Type = "school"
	SupportCentre       Type = "support_centre"    // children-support centre
	AdaptationCentre    Type = "adaptation_centre" // minors' adaptation centre
	Charity             Type = "charity"
	Party               Type = "party" // a party or its youth wing
	CityCouncil         Type = "city_council"
	Police              Type = "police"
	Probation           Type = "probation"
	Company             Type = "company"
)

// Types lists every organisation type in a stable order.
func Types() []Type {
	return []Type{Foundation, EducationDepartment, School, SupportCentre, AdaptationCentre,
		Charity, Party, CityCouncil, Police, Probation, Company}
}

// Valid reports whether t is a known type.
func (t Type) Valid() bool {
	for _, k := range Types() {
		if k == t {
			return true
		}
	}
	return false
}

// Organisation is one organisation with the scope it sits in.
type Organisation struct {
	ID         int64     `json:"id"`
	Name       string    `json:"name"` // as typed; escape it when showing it
	Type       Type      `json:"type"`
	ParentID   int64     `json:"parent_id,omitempty"` // 0 for a root organisation
	RegionCode string    `json:"region_code"`
	RegionPath string    `json:"region_path"` // "/KZ/KZ-75/", from the region
	Path       string    `json:"path"`        // "/1/7/"
	Locale     string    `json:"locale,omitempty"`
	Active     bool      `json:"active"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// Target is the scope of the organisation, for access.Can.
func (o Organisation) Target() access.Target {
	return access.Target{OrgPath: o.Path, RegionPath: o.RegionPath}
}

// Input is what a user sets on an organisation. An organisation is always
// created active; Active is read by Update only.
type Input struct {
	Name       string
	Type       Type
	ParentID   int64 // 0: a root organisation
	RegionCode string
	Locale     string // default language of the organisation, "" for the installation's
	Active     bool
}

func scanOrg(sc store.Scanner) (Organisation, error) {
	var o Organisation
	err := sc.Scan(&o.ID, &o.Name, &o.Type, &o.ParentID, &o.RegionCode, &o.RegionPath,
		&o.Path, &o.Locale, &o.Active, &o.CreatedAt, &o.UpdatedAt)
	o.CreatedAt, o.UpdatedAt = o.CreatedAt.UTC(), o.UpdatedAt.UTC()
	return o, err
}
