package eligibility

import (
	"context"
	"sync"
	"time"

	"github.com/jolproject/jol/internal/errs"
)

// Submissions are evaluated after they are committed, off the submitter's
// path: Submitted queues the new requests' ids and returns at once; the
// first caller to find nobody evaluating starts a goroutine that takes
// the whole queue, evaluates it (as the installation, each campaign's
// rules read once) and writes the results in one transaction per
// followBatch requests, then takes what queued meanwhile, until the
// queue is empty, then ends. Under a burst the batches grow, so the
// writer commits a few times a second rather than once per request. A request whose campaign has no rule set
// yet is left without a result; Rescore gives it one when rules come. A
// process that stops with ids queued leaves those requests unevaluated
// until the next Rescore or re-evaluation: the result is derived data.

// follower is the queue of requests waiting for their first evaluation.
type follower struct {
	mu      sync.Mutex
	queue   []int64
	running bool
	idle    *sync.Cond
	failed  int // evaluations that ended in an error other than "no rules"
}

// Submitted queues requests just submitted for evaluation.
func (s *Service) Submitted(ids ...int64) {
	f := &s.follow
	f.mu.Lock()
	f.queue = append(f.queue, ids...)
	start := !f.running && len(f.queue) > 0
	f.running = f.running || start
	f.mu.Unlock()
	if start {
		go s.drain()
	}
}

// drain evaluates the queue until it is empty.
func (s *Service) drain() {
	f := &s.follow
	ctx := context.Background()
	for {
		f.mu.Lock()
		ids := f.queue
		f.queue = nil
		if len(ids) == 0 {
			f.running = false
			f.idle.Broadcast()
			f.mu.Unlock()
			return
		}
		f.mu.Unlock()
		for lo := 0; lo < len(ids); lo += followBatch {
			failed, err := s.evaluateMany(ctx, ids[lo:min(lo+followBatch, len(ids))])
			if err != nil { // the whole batch is lost; Rescore catches up
				failed = min(lo+followBatch, len(ids)) - lo
			}
			f.mu.Lock()
			f.failed += failed
			f.mu.Unlock()
		}
	}
}

// followBatch bounds the requests evaluated in one write transaction.
const followBatch = 500

// Settle waits until every request queued by Submitted so far has been
// evaluated, and returns how many evaluations have failed since the
// service started: for tests, and for a clean shutdown.
func (s *Service) Settle() int {
	f := &s.follow
	f.mu.Lock()
	defer f.mu.Unlock()
	for f.running {
		f.idle.Wait()
	}
	return f.failed
}

// AgeGate refuses a submission, with the reason, for a child whose age on
// day lies outside the age range of the campaign's current rules for
// every item: the one rule the issue asks to enforce at the door (the
// campaign's regions are checked by the requests themselves). Everything
// else — categories, grades, items received — is decided by the
// evaluation and explained, not refused. A child without a recorded
// birth date passes: the evaluation marks the age unknown. The range is
// remembered per campaign for gateTTL, so the submissions' hot path reads
// the rule set once in a while, not once per request.
func (s *Service) AgeGate(ctx context.Context, campaignID int64, birth, day time.Time) error {
	if birth.IsZero() {
		return nil
	}
	r, err := s.ageRange(ctx, campaignID)
	if err != nil || r == nil {
		return err
	}
	age, ok := Facts{BirthDate: birth}.AgeOn(day)
	if ok && r.Contains(age) {
		return nil
	}
	return errs.New(errs.Invalid, "error.request_outside_age", "Min", r.Min, "Max", r.Max)
}

// gateTTL is how long AgeGate trusts a campaign's age range it has read.
// SaveRuleSet forgets the campaign's at once in this process.
const gateTTL = 30 * time.Second

type gateEntry struct {
	age *Range
	at  time.Time
}

func (s *Service) ageRange(ctx context.Context, campaignID int64) (*Range, error) {
	s.gateMu.Lock()
	e, ok := s.gates[campaignID]
	s.gateMu.Unlock()
	if ok && time.Since(e.at) < gateTTL {
		return e.age, nil
	}
	rs, err := s.CurrentRuleSet(ctx, campaignID)
	switch {
	case errs.CodeOf(err) == errs.NotFound:
		e = gateEntry{at: time.Now()}
	case err != nil:
		return nil, err
	default:
		e = gateEntry{age: rs.Rules.All.Age, at: time.Now()}
	}
	s.gateMu.Lock()
	s.gates[campaignID] = e
	s.gateMu.Unlock()
	return e.age, nil
}

// forgetGate drops the remembered age range of a campaign.
func (s *Service) forgetGate(campaignID int64) {
	s.gateMu.Lock()
	delete(s.gates, campaignID)
	s.gateMu.Unlock()
}
