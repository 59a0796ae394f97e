package eligibility

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Submissions are evaluated after they are committed, off the submitter's
// path: Submitted queues the new requests' ids and returns at once; the
// first caller to find nobody evaluating starts a goroutine that takes
// the whole queue, evaluates it (as the installation, each campaign's
// rules read once) and writes the results in one transaction per
// followBatch requests, then, after a short pause, takes what queued
// meanwhile, until the queue is empty, then ends. Under a burst the
// batches grow, so the writer commits a few times a second rather than
// once per request; each batch's facts are read set by set, one query
// per kind of fact for the whole batch (evaluateSet). A request whose campaign has no rule set yet
// is left without a result; Rescore gives it one when rules come.
//
// Moved queues, the same way, requests whose status a commit changed:
// one rejected or withdrawn leaves its region's ranking at once, one
// taken up again takes its place again; its result is not evaluated
// again (rerank). A process that stops with ids queued leaves those
// requests as they were until the next Rescore or re-evaluation: the
// results are derived data.

// follower is the queue of requests waiting for their first evaluation,
// or for their place after a change of status.
type follower struct {
	mu           sync.Mutex
	queue, moved []int64
	running      bool
	idle         *sync.Cond
	failed       int // evaluations that ended in an error other than "no rules"
}

// Submitted queues requests just submitted for evaluation.
func (s *Service) Submitted(ids ...int64) { s.enqueue(ids, false) }

// Moved queues requests whose status has just changed, so that they take
// or leave their place in the ranking.
func (s *Service) Moved(ids ...int64) { s.enqueue(ids, true) }

func (s *Service) enqueue(ids []int64, moved bool) {
	f := &s.follow
	f.mu.Lock()
	if moved {
		f.moved = append(f.moved, ids...)
	} else {
		f.queue = append(f.queue, ids...)
	}
	start := !f.running && len(ids) > 0
	f.running = f.running || start
	f.mu.Unlock()
	if start {
		go s.drain()
	}
}

// drain works through both queues until they are empty. After a batch
// it pauses for followPause before taking the next, so that under a
// burst the batches fill: each costs a few reads, a write transaction and
// a commit whatever its size.
func (s *Service) drain() {
	f := &s.follow
	ctx := context.Background()
	for first := true; ; first = false {
		if !first {
			time.Sleep(followPause)
		}
		f.mu.Lock()
		ids, moved := f.queue, f.moved
		f.queue, f.moved = nil, nil
		if len(ids) == 0 && len(moved) == 0 {
			f.running = false
			f.idle.Broadcast()
			f.mu.Unlock()
			return
		}
		f.mu.Unlock()
		for lo := 0; lo < len(ids); lo += followBatch {
			batch := ids[lo:min(lo+followBatch, len(ids))]
			s.settled(len(batch), func() (int, error) { return s.evaluateMany(ctx, batch) })
		}
		for lo := 0; lo < len(moved); lo += followBatch {
			batch := moved[lo:min(lo+followBatch, len(moved))]
			s.settled(len(batch), func() (int, error) { return 0, s.rerank(ctx, batch) })
		}
	}
}

// settled runs one batch of n requests and counts its failures: all n
// when it ends in an error or a panic (the batch is lost; Rescore catches
// up).
func (s *Service) settled(n int, batch func() (int, error)) {
	failed, err := func() (failed int, err error) {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("eligibility: batch: %v", p)
			}
		}()
		return batch()
	}()
	if err != nil {
		failed = n
	}
	f := &s.follow
	f.mu.Lock()
	f.failed += failed
	f.mu.Unlock()
}

// followBatch bounds the requests evaluated in one write transaction;
// followPause is the pause between two. At 5,000 submissions a second a
// batch holds about 500, and the evaluation's results come a fraction of
// a second after the commit.
const (
	followBatch = 500
	followPause = 100 * time.Millisecond
)

// Settle waits until every request queued by Submitted or Moved so far
// has been evaluated or placed, and returns how many have failed since
// the service started: for tests, and for a clean shutdown.
func (s *Service) Settle() int {
	f := &s.follow
	f.mu.Lock()
	defer f.mu.Unlock()
	for f.running {
		f.idle.Wait()
	}
	return f.failed
}
