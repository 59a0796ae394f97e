package requests

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"github.com/jolproject/jol/internal/store"
)

// Group commit. SQLite has one writer and a commit costs far more than the
// few inserts of a request, so submissions that arrive while a transaction
// is being written wait for the next one and are written together: one
// BEGIN, a savepoint per submission (a refused one is rolled back alone),
// one COMMIT, and then every submitter of the batch gets its answer. A
// request is answered only after the commit that holds it.
//
// There is no background goroutine to start or stop: the first submitter
// to find no batch running writes one; when it is done and more have
// queued meanwhile, it hands the next batch to a new goroutine and
// returns, so no submitter waits behind more than one batch that is not
// its own.

// maxBatch bounds a batch, so one transaction stays short.
const maxBatch = 256

// job is one unit of work of a batch: fn runs inside the batch's
// transaction, its error rolls back its own savepoint only.
type job struct {
	fn   func(tx store.Querier) error
	err  error
	done chan struct{}
}

type batcher struct {
	db      *store.DB
	wrap    func(*sql.Tx) inTx // runs prepared statements as prepared
	mu      sync.Mutex
	queue   []*job
	running bool
}

// do runs fn in a batch and returns its error once the batch is
// committed (or the commit's error).
func (b *batcher) do(ctx context.Context, fn func(tx store.Querier) error) error {
	j := &job{fn: fn, done: make(chan struct{})}
	b.mu.Lock()
	b.queue = append(b.queue, j)
	lead := !b.running
	b.running = true
	b.mu.Unlock()
	if lead {
		b.lead(ctx)
	}
	<-j.done
	return j.err
}

// lead writes the batches queued until its own is written, then hands on.
// The batch runs under a context detached from the leader's cancellation:
// the other jobs of the batch are not the leader's to cancel.
func (b *batcher) lead(ctx context.Context) {
	ctx = context.WithoutCancel(ctx)
	b.mu.Lock()
	n := min(len(b.queue), maxBatch)
	batch := b.queue[:n:n]
	b.queue = b.queue[n:]
	b.mu.Unlock()

	b.write(ctx, batch)

	b.mu.Lock()
	if len(b.queue) == 0 {
		b.running = false
		b.mu.Unlock()
		return
	}
	b.mu.Unlock()
	go b.lead(ctx)
}

// write runs batch in one transaction and answers every job of it.
func (b *batcher) write(ctx context.Context, batch []*job) {
	defer func() {
		if p := recover(); p != nil {
			for _, j := range batch {
				j.err = fmt.Errorf("requests: batch: %v", p)
				close(j.done)
			}
		}
	}()
	err := b.db.Tx(ctx, func(sqlTx *sql.Tx) error {
		tx := b.wrap(sqlTx)
		for _, j := range batch {
			if _, err := tx.ExecContext(ctx, spJob); err != nil {
				return err
			}
			if j.err = j.fn(tx); j.err != nil {
				if _, err := tx.ExecContext(ctx, spJobUndo); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, spJobDone); err != nil {
				return err
			}
		}
		return nil
	})
	for _, j := range batch {
		if err != nil && j.err == nil {
			j.err = err
		}
		close(j.done)
	}
}
