// Package dedupe is the registry's duplicate review: a scan that finds
// the live records likely to be one person, with the record-linkage
// engine (internal/linkage), and the queue of those pairs that reviewers
// work through, best first.
//
// A scan reads every live person once, as a stream, into the engine's
// compact form, deduplicates them and keeps each likely pair in the
// queue with its weight and the fields that agree and differ. A
// reviewer merges a pair, through the registry's own merge, or says the
// two are different people. Both decisions stay with the pair: a later
// scan refreshes the weight of a pair still pending and never queues a
// decided one again. Who may see a pair is asked of the registry: a
// reviewer sees a pair only when both records lie within their scope.
package dedupe

import (
	"embed"
	"fmt"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	LivePersons, InsertScan, FinishScan, LastScan           string
	UpsertPair, DropStale, CountPairs                       string
	Queue, CountQueue, PairByID, PairOf, Decide, MergedPair string
	ReopenPair                                              string
}

// Deps are what the service works with.
type Deps struct {
	DB     *store.DB
	Audit  *audit.Log
	People *people.Service
	Jobs   *jobs.Queue // nil: scans asked for run at once
	Now    func() time.Time
}

// Service keeps the duplicate queue and runs the scans.
type Service struct {
	d Deps
	q queries
}

// New returns the service. Register its MergeHook with the registry
// (people.Service.OnMerge under HookName) and Handle with the job queue
// under JobKind.
func New(d Deps) (*Service, error) {
	s := &Service{d: d}
	if err := store.BindQueries(&s.q, queryFS, d.DB.Engine); err != nil {
		return nil, fmt.Errorf("dedupe: %w", err)
	}
	return s, nil
}

// clock is the current time as stored: UTC, whole seconds.
func (s *Service) clock() time.Time { return s.d.Now().UTC().Truncate(time.Second) }

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
