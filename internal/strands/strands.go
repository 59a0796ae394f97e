// Package strands keeps the strands of the youth programme (issue 13) and
// their activities. The mentors' school is one strand, run by package
// mentoring: here it is only counted, from the young people who have had
// a mentor. The school of young leaders and the creative programmes
// (dombra, Jaidarman games, marketing courses and the like) are
// activities of an organisation in a region, with dates and a number of
// places, on which registered young people are enrolled; each activity
// has sessions (a date, a topic, who led it), attendance per session and
// a progress per participant.
//
// Enrolment is a method of Service in two forms: Enrol, a coordinator's
// action within their scope, and Join, the young person's own (their
// page and the bot call it with the young person's id). Both take a
// place with one guarded UPDATE, so the capacity holds however many
// enrolments arrive at once, refuse a second enrolment of one young
// person and apply the activity's checks of age and region.
package strands

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
	Region, OrgByID, InsertActivity, ActivityFrom, ActivityByID, ActivitiesInScope, CountInScope string
	YouthOf, TakePlace, InsertEnrolment, Participants, EnrolmentOf, SetProgress                  string
	InsertSession, Sessions, SessionByID, MarksOf, PutMark, StrandCounts, MentoredInScope        string
	RepathOrgs, RepathRegions, OpenFor, JoinedOf                                                 string
}

// Service keeps the activities, their enrolments, sessions and attendance.
type Service struct {
	db  *store.DB
	log *audit.Log
	now func() time.Time
	q   queries
}

// New returns the service on db; changes are recorded in log and now is
// the clock.
func New(db *store.DB, log *audit.Log, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, now: now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("strands: %w", err)
	}
	return s, nil
}

// RepathOrgs moves the organisation paths activities copy (wired to
// orgs.Service.OnMove), in the move's transaction.
func (s *Service) RepathOrgs(ctx context.Context, tx *sql.Tx, old, new string) error {
	_, err := tx.ExecContext(ctx, s.q.RepathOrgs, new, len(old)+1, old+"%")
	return err
}

// RepathRegions moves the region paths activities copy (wired to
// geo.Service.OnMove).
func (s *Service) RepathRegions(ctx context.Context, tx *sql.Tx, old, new string) error {
	_, err := tx.ExecContext(ctx, s.q.RepathRegions, new, len(old)+1, old+"%")
	return err
}

// today is the clock's calendar day.
func (s *Service) today() time.Time { return store.Day(s.now().UTC()) }

// itoa formats an id for the logs.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }
