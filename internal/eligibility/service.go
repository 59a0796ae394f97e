package eligibility

import (
	"embed"
	"fmt"
	"sync"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	CampaignScope, NextRuleVersion, InsertRuleSet, LatestRuleSet, RuleSetVersion, RuleSetVersions string
	GatherRequests, GatherLines, GatherCategories, GatherChildren, GatherReceived                 string
	SetRequests, SetLines, SetCategories, SetChildren, SetReceived                                string
	NextRun, LockRuns, RequestScope, CurrentResult, ResultHistory, CategoryCodes, CategoryIDs     string
	CurrentRows, StatusRows, FreezePlace, UpsertScore, AddTally, DropEmptyTallies, Place          string
}

// Service keeps campaigns' rule sets and requests' results, and
// recalculates them.
type Service struct {
	db  *store.DB
	log *audit.Log
	now func() time.Time
	q   queries
	// Batch is the number of requests Rescore writes per transaction.
	Batch int

	jobs   *jobs.Queue // where QueueRescore puts recalculations
	follow follower    // Submitted's queue
	gateMu sync.Mutex
	gates  map[int64]gateEntry // AgeGate's memory, by campaign
}

// DefaultBatch keeps each of Rescore's transactions to a fraction of a
// second on SQLite, so other writers take turns between them.
const DefaultBatch = 20_000

// New returns the service on db; changes are recorded in log and now is
// the clock.
func New(db *store.DB, log *audit.Log, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, now: now, Batch: DefaultBatch, gates: map[int64]gateEntry{}}
	s.follow.idle = sync.NewCond(&s.follow.mu)
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("eligibility: %w", err)
	}
	return s, nil
}
