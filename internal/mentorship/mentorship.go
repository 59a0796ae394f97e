// Package mentorship is the relationship between a young person and a
// mentor once a match is accepted (issue 13): the list of mentorships
// and a mentorship's page, the sessions held, the goals and their
// progress, feedback after a session from both sides, safeguarding
// concerns and the designated leads they reach, completing or ending a
// mentorship early, and the mentors' activity over a period.
//
// Every action is a method of Service, so the web pages, the API and the
// Telegram bot call the same code. Staff act within their organisation
// and region subtrees; a mentor acts on their own mentorships, found by
// their login. A young person has no login: the methods they call
// (YouthFeedback, YouthConcern) take their ID and check that the
// mentorship is theirs.
//
// Mentorship rows are made when a mentor accepts a proposed match, by the
// matching; this package takes them from there. Ending one gives the
// mentor's place back (mentoring.Service.Release) in the same
// transaction, and only the request that moves it out of active does.
package mentorship

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	Columns, ByID, ByYouth, List, RegionPath, End                      string
	InsertSession, Sessions, Session                                   string
	InsertGoal, UpdateGoal, Goals, Goal                                string
	InsertFeedback, Feedback, Activity                                 string
	LeadFor, SetLead, Leads, OrgPath, UserScope                        string
	InsertConcern, ConcernColumns, Concern, Concerns, WorkConcern      string
	RepathOrgs, RepathConcernOrgs, RepathRegions, RepathConcernRegions string
}

// Releaser gives back a mentor's place when a mentorship ends, in the
// ending's transaction: mentoring.Service.Release.
type Releaser func(ctx context.Context, tx *sql.Tx, mentorID int64) error

// Service keeps mentorships and their work.
type Service struct {
	db      *store.DB
	log     *audit.Log
	release Releaser
	now     func() time.Time
	q       queries
}

// New returns the service on db; changes are recorded in log, release
// gives a mentor's place back and now is the clock.
func New(db *store.DB, log *audit.Log, release Releaser, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, release: release, now: now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("mentorship: %w", err)
	}
	return s, nil
}

// today is the clock's calendar day.
func (s *Service) today() time.Time { return store.Day(s.now().UTC()) }

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// WithClock returns the service with its clock replaced by now: for
// loading sample data worked on past days, as a batch job would.
func (s *Service) WithClock(now func() time.Time) *Service {
	c := *s
	c.now = now
	return &c
}
