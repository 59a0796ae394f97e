// Package charities is the benefactors' association: the charities that
// take referrals of out-of-school children, the domains of help each
// covers, the regions it works in and how many children it can take at
// once.
//
// A charity holds no child: coordinators keep the list and outreach
// workers read it to choose where to refer a need. A charity's staff log
// in under its organisation with the role charity; what they see of the
// children referred to them is outreach's (internal/outreach), which asks
// this package whether a charity covers a domain in a place (Covers) and
// takes a place of its capacity when a referral is accepted (Take).
package charities

import (
	"embed"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	Insert, Update, ByID, ByOrg, List, OrgExists        string
	Domains, DeleteDomains, InsertDomain                string
	Regions, DeleteRegions, InsertRegion, Take, Release string
}

// Deps are what the service needs of the installation.
type Deps struct {
	Audit *audit.Log
	Geo   *geo.Service
	Now   func() time.Time
}

// Service keeps the charities.
type Service struct {
	db  *store.DB
	log *audit.Log
	geo *geo.Service
	now func() time.Time
	q   queries
}

// New returns the service on db.
func New(db *store.DB, d Deps) (*Service, error) {
	s := &Service{db: db, log: d.Audit, geo: d.Geo, now: d.Now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("charities: %w", err)
	}
	return s, nil
}

// Domain is a kind of help a charity gives.
type Domain string

// The domains of the benefactors' association.
const (
	SchoolBuilding Domain = "school_building"
	Health         Domain = "health"
	Dowry          Domain = "dowry"
	SpecialIllness Domain = "special_illness" // treatment of special illnesses
	Insurance      Domain = "insurance"
	Skills         Domain = "skills"
	Devices        Domain = "devices"
	Food           Domain = "food"
	OtherDomain    Domain = "other"
)

// Domains lists the domains in the order forms offer them.
func Domains() []Domain {
	return []Domain{SchoolBuilding, Health, Dowry, SpecialIllness, Insurance, Skills, Devices, Food, OtherDomain}
}

// MaxCapacity bounds the children one charity may take at once.
const MaxCapacity = 100000

// itoa formats an id for the logs.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }

func oneOf[T comparable](v T, set []T) bool { return slices.Contains(set, v) }
