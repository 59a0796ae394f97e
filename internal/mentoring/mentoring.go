// Package mentoring is the youth programme's mentors and their school
// (issue 13): mentors' profiles, their applications and a coordinator's
// decision on them, lists of mentors imported through the registry's
// import engine (Target), the pool's statistics, and the mentors'
// school — modules, cohorts, sessions with their trainers, attendance and
// the final check — with the one rule the matching obeys: Eligible.
//
// Every action is a method of Service taking the principal it acts for,
// so the web forms, the API and the Telegram bot call the same code.
// Mentors belong to an organisation (a branch) and a region within it;
// coordinators see and decide those of their organisation and region
// subtrees, a mentor sees their own profile (Mine). The public
// application (Apply) acts as FormPrincipal of the branch applied to.
//
// The pure matching of young people to mentors is package match; its
// mentors are made from this package's (MatchMentor).
package mentoring

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
	Insert, Update, Decide, LinkUser, LinkNewLogin, ByID, ByUser, ByContact, List, Org string
	Expertise, DeleteExpertise, InsertExpertise                                        string
	Languages, DeleteLanguages, InsertLanguage                                         string
	Take, TakeSome, Release, StatsFields, StatsPool, Fields, UpsertField               string
	Modules, InsertModule, InsertCohort, Cohort, Cohorts, InsertMember                 string
	Members, InsertSession, Session, Sessions, Attend, Final                           string
	Attended, Finals, Attendance                                                       string
	RepathMentorOrgs, RepathMentorRegions, RepathCohortOrgs, RepathCohortRegions       string
	Page, CountPage, Branches, Places, SessionMarks                                    string
}

// Deps are what the service needs of the installation.
type Deps struct {
	Audit *audit.Log
	Geo   *geo.Service
	Now   func() time.Time
}

// Service keeps the mentors and their school.
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
		return nil, fmt.Errorf("mentoring: %w", err)
	}
	return s, nil
}

// Background is where a mentor comes from.
type Background string

// The backgrounds of the pool.
const (
	PartyActivist Background = "party_activist"
	YoungDeputy   Background = "young_deputy"
	Media         Background = "media"
	CivicActivist Background = "civic_activist"
	Coach         Background = "coach"
	Culture       Background = "culture"
	Sport         Background = "sport"
	Business      Background = "business"
	OtherBack     Background = "other"
)

// Backgrounds lists the backgrounds in the order forms offer them.
func Backgrounds() []Background {
	return []Background{PartyActivist, YoungDeputy, Media, CivicActivist, Coach, Culture, Sport, Business, OtherBack}
}

// Status is where a mentor's application stands.
type Status string

// The statuses: applied → approved or rejected.
const (
	Applied  Status = "applied"
	Approved Status = "approved"
	Rejected Status = "rejected"
)

// The formats of mentoring, as package match names them.
const (
	InPerson = "in_person"
	Online   = "online"
)

// Languages are the languages a mentor may speak, as the catalogues
// name them.
func Languages() []string { return []string{"kk", "ru", "en", "fr", "fa"} }

// Bounds of what a mentor's profile holds.
const (
	MaxName     = 200
	MaxCapacity = 50 // mentees at once
)

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

func oneOf[T comparable](v T, set []T) bool { return slices.Contains(set, v) }
