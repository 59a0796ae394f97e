// Package outcomes records what became of each young person of the youth
// programme (issue 13) at its end — enrolled in education, employed,
// started a business, still not in education, employment or training, or
// not reached — and reports the programme's coverage against its target
// by age group, region and strand, with the outcomes by age group and
// region.
//
// A young person has one current outcome; every outcome recorded stays in
// their history and in the change log. Young people's data is sensitive:
// every read is scoped by the reader's organisation and region, opening a
// young person's outcome writes the access log, and sponsors and the
// public see nothing.
package outcomes

import (
	"context"
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
	YouthOf, Current, History, PutCurrent, InsertHistory, Activities, Coverage string
}

// DefaultTarget is how many young people the programme sets out to
// reach when the settings name no other number.
const DefaultTarget = 20000

// Service records outcomes and reports coverage.
type Service struct {
	db     *store.DB
	log    *audit.Log
	now    func() time.Time
	target func(context.Context) int
	q      queries
}

// New returns the service on db; changes are recorded in log, target
// says the programme's target as the settings hold it now (nil for
// DefaultTarget) and now is the clock.
func New(db *store.DB, log *audit.Log, target func(context.Context) int, now func() time.Time) (*Service, error) {
	if target == nil {
		target = func(context.Context) int { return DefaultTarget }
	}
	s := &Service{db: db, log: log, now: now, target: target}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("outcomes: %w", err)
	}
	return s, nil
}

// today is the clock's calendar day.
func (s *Service) today() time.Time { return store.Day(s.now().UTC()) }

// itoa formats an id for the logs.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }
