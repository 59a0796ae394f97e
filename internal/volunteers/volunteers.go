// Package volunteers is the volunteer side of a programme beyond the
// registry (which aftercare keeps: names, contacts, skills, languages,
// subjects, free slots, region, login): needs for people at a place on a
// day and the sign-ups volunteers make to them themselves, and the hours
// volunteers log and coordinators approve or reject, with the totals per
// volunteer and per campaign that the dashboard and the recognition
// letters read.
//
// A need never takes more people than it asks for: a sign-up raises its
// count with one conditional update (taken < wanted), which PostgreSQL
// re-checks under the row's lock and SQLite runs under its one write
// lock, so of any number of sign-ups at once exactly as many succeed as
// there are places.
//
// Hours are the volunteer's own: a day (not in the future), a time (more
// than nothing, at most 24 hours a day with the hours already logged that
// day and not rejected), and what they were for — a need they signed up
// to, a device task given to them, a course they teach — from which the
// campaign follows. Only approved hours count.
package volunteers

import (
	"context"
	"embed"
	"fmt"
	"github.com/jolproject/jol/internal/home"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/settings"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	InsertNeed, UpdateNeed, CancelNeed, NeedFrom, NeedByID, Needs          string
	CountNeeds, NeedsNear, SignupsOf, NeedsSigned                          string
	TakePlace, FreePlace, InsertSignup, DeleteSignup, SignedUp             string
	LockVolunteer, DayMinutes, TaskCampaign, InsertHours, HoursFrom        string
	HoursByID, HoursList, CountHours, DecideHours, HoursOf, DeleteHours    string
	HoursByVolunteer, Totals, HoursBySkill                                 string
	RepathNeedOrgs, RepathNeedRegions, RepathHoursOrgs, RepathHoursRegions string
	OpenCheckin, PutCheckin, TakeCheckin                                   string
}

// Deps are what the service needs of the installation. Teaches says
// whether volunteer teaches course and the course's campaign (0 for
// none); the courses service provides it.
type Deps struct {
	Audit     *audit.Log
	Aftercare *aftercare.Service
	Teaches   func(ctx context.Context, volunteer, course int64) (campaign int64, err error)
	Settings  *settings.Service // the installation's time zone; UTC without it
	Now       func() time.Time
}

// Service keeps needs, sign-ups and hours.
type Service struct {
	db      *store.DB
	log     *audit.Log
	reg     *aftercare.Service
	teaches func(ctx context.Context, volunteer, course int64) (int64, error)
	set     *settings.Service
	now     func() time.Time
	q       queries
	home    home.Resolver
}

// New returns the service on db.
func New(db *store.DB, d Deps) (*Service, error) {
	s := &Service{db: db, log: d.Audit, reg: d.Aftercare, teaches: d.Teaches, set: d.Settings, now: d.Now,
		home: home.New(db.Engine)}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("volunteers: %w", err)
	}
	return s, nil
}

// today is the clock's calendar day in the installation's time zone, as
// a volunteer and the pages count days: in Almaty the 2nd begins at 19:00
// UTC on the 1st. When the settings cannot be read it is UTC's day; what
// reads the database next fails on its own.
func (s *Service) today(ctx context.Context) time.Time {
	loc := time.UTC
	if s.set != nil {
		if set, err := s.set.Get(ctx); err == nil {
			loc = set.Location()
		}
	}
	return store.Day(s.now().In(loc))
}

// itoa formats an id for the audit log.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }
