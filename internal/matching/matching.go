// Package matching is the coordinator's matching of young people to
// mentors (issue 13): a run over a branch's cohort, the proposals it
// makes, the mentor's reply, the coordinator's approval of a minor's
// match, and the automatic re-matching of those declined or let expire.
//
// # A run
//
// A coordinator's cohort is the young people of their branch (their
// organisation subtree, within their region scope) who have no active
// mentorship and no pending proposal, narrowed by region, field and
// registration dates when asked; the mentors are those approved within
// the same scope. The pure solver (package mentoring/match) matches them
// optimally, reading each young person's ranked choices (none asks for an
// automatic match). The run is stored with its counts and parameters, one
// proposal per match with its explanation, and each young person left
// unmatched with the reason — a minor without a guardian's consent is one,
// told what is missing.
//
// # Proposals
//
// Proposing a match takes one of the mentor's places (mentoring.Take, a
// conditional update, so no number of runs and replies at once exceeds a
// capacity) and sets the reply deadline. The mentor accepts — which
// inserts the mentorship in the same transaction — or declines with a
// reason, which gives the place back. A proposal past its deadline
// expires (Sweep), giving the place back too. A young person declined or
// expired is matched again at once with the same branch's mentors, never
// with one who declined or let them expire (match.Rematch).
//
// # Minors
//
// A minor's proposal needs a coordinator's approval before the mentor may
// accept it; the mentor may decline it at any time. Until the proposal is
// both approved and accepted the mentor reads the minor's contacts masked
// (Revealer), and the young person's page shows the mentor's name only.
// Approval comes first so that no mentorship with a minor ever starts
// unapproved.
//
// Every action is a method of Service taking the principal it acts for,
// so the web pages, the API and the Telegram bot call the same code.
package matching

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	Cohort, Choices, RegionPath, OrgOf, Exclusions                               string
	InsertRun, InsertProposal, InsertUnmatched                                   string
	Runs, RunByID, RunProposals, RunUnmatched                                    string
	ProposalFrom, ProposalByID, MentorProposals, YouthProposals                  string
	Answer, Approve, InsertMentorship, Due, Expire, ToRematch, Rematched         string
	Revealed, RepathProposalOrgs, RepathRunOrgs, RepathRegions, RepathRunRegions string
}

// DefaultDeadlineDays is how many days a mentor has to reply when the
// coordinator names none.
const DefaultDeadlineDays = 7

// MaxDeadlineDays bounds the reply deadline.
const MaxDeadlineDays = 60

// Deps are what the service needs of the installation.
type Deps struct {
	Audit     *audit.Log
	Mentoring *mentoring.Service
	Now       func() time.Time
}

// Service runs the matching and keeps its proposals.
type Service struct {
	db  *store.DB
	log *audit.Log
	men *mentoring.Service
	now func() time.Time
	q   queries
	// mu lets one run of this process at a time hold a write connection
	// while it waits for lockKey: the run reads through the read pool,
	// which on PostgreSQL is the same pool, and runs queued on the lock
	// must not hold every connection.
	mu sync.Mutex
}

// New returns the service on db.
func New(db *store.DB, d Deps) (*Service, error) {
	s := &Service{db: db, log: d.Audit, men: d.Mentoring, now: d.Now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("matching: %w", err)
	}
	return s, nil
}

func (s *Service) clock() time.Time { return s.now().UTC() }

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// RepathOrgs moves the organisation paths runs and proposals copy (wired
// to orgs.Service.OnMove), in the move's transaction.
func (s *Service) RepathOrgs(ctx context.Context, tx *sql.Tx, old, new string) error {
	for _, q := range []string{s.q.RepathProposalOrgs, s.q.RepathRunOrgs} {
		if _, err := tx.ExecContext(ctx, q, new, len(old)+1, old+"%"); err != nil {
			return err
		}
	}
	return nil
}

// RepathRegions moves the region paths runs and proposals copy (wired to
// geo.Service.OnMove).
func (s *Service) RepathRegions(ctx context.Context, tx *sql.Tx, old, new string) error {
	for _, q := range []string{s.q.RepathRegions, s.q.RepathRunRegions} {
		if _, err := tx.ExecContext(ctx, q, new, len(old)+1, old+"%"); err != nil {
			return err
		}
	}
	return nil
}

// WithClock returns a service on the same database with its clock
// replaced by now: for loading sample data matched on past days. The
// copy serialises its own runs; runs of the two at once still queue on
// the database lock.
func (s *Service) WithClock(now func() time.Time) *Service {
	return &Service{db: s.db, log: s.log, men: s.men, now: now, q: s.q}
}
