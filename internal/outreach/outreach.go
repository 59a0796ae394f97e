// Package outreach is the casework that brings out-of-school children
// back to class. The out-of-school run (which matches population lists
// against enrolment lists) calls Flag with the children it finds; each
// becomes a case an outreach worker of the child's district works step
// by step:
//
//	identified → contacted → support → enrolled → closed
//
// A worker contacts the family (a visit or a call) and records why the
// child is not at school; records the child's needs and refers each to a
// charity of the benefactors' association that covers it
// (internal/charities), which accepts or declines; enrols the child; and
// checks attendance 1, 3 and 6 months later. The six-month check that
// finds the child attending closes the case as retained; a check that
// finds the child away sends the case back to identified, to be visited
// again. A case may be closed at any step as moved away or not found.
// Each step has a deadline (days per step, DefaultDeadlines until the
// installation sets its own; the checks fall 1, 3 and 6 months after
// enrolment) and the worker's queue shows the nearest first, the overdue
// on top.
//
// Concurrency: every change of a case names the version it was made
// against and raises it (UPDATE … WHERE version = $n); of two workers
// saving one case at once, one wins and the other is told the case
// changed (error.outreach_case_changed). The run's updates of an open
// case (confidence, why, category, visibility) leave the version alone:
// workers never edit those fields, so nothing of theirs is lost.
//
// Children's data: a case is scoped like the child's record, by the
// organisation whose workers follow it and the district it lies in; every
// reading of a case writes the access log. A charity's staff see only the
// referrals sent to their charity, and of the child only what the family
// consented to share (SharedFields, recorded on the case).
package outreach

import (
	"embed"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/charities"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/settings"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	Insert, ByID, OrgName, OpenByPerson, LastClosed, Reflag, Save, OrgPath, InsertEvent, Events string
	Needs, PutNeed, Referrals, InsertReferral, ReferralByID, AnswerReferral, FinishReferral     string
	Checks, InsertCheck, Queue, QueueMine, CountQueue, CountQueueMine, AssigneeScope            string
	Inbox, CardOf, Funnel, Deadlines, PutDeadline, MergeCases, MoveCase                         string
	Workers, OpenRow, CloseMerged, Reopen, PersonOf                                             string
}

// Deps are what the service needs of the installation.
type Deps struct {
	Audit     *audit.Log
	People    *people.Service
	Geo       *geo.Service
	Settings  *settings.Service
	Charities *charities.Service
	Now       func() time.Time
}

// Service keeps the out-of-school cases and their referrals.
type Service struct {
	db        *store.DB
	log       *audit.Log
	people    *people.Service
	geo       *geo.Service
	settings  *settings.Service
	charities *charities.Service
	now       func() time.Time
	q         queries
}

// New returns the service on db.
func New(db *store.DB, d Deps) (*Service, error) {
	s := &Service{db: db, log: d.Audit, people: d.People, geo: d.Geo, settings: d.Settings, charities: d.Charities,
		now: d.Now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("outreach: %w", err)
	}
	return s, nil
}

func oneOf[T comparable](v T, set []T) bool { return slices.Contains(set, v) }

// itoa formats an id for the logs.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// WithClock returns a copy of the service whose clock is now: for writing
// casework that was done earlier, as the demo's sample weeks of work are,
// so that each step carries the day it was taken and its deadline falls
// from that day.
func (s *Service) WithClock(now func() time.Time) *Service {
	c := *s
	c.now = now
	return &c
}
