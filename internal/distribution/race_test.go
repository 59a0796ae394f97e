package distribution_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/testworld"
)

// 100 staff handing over the same reserved unit at once: exactly one
// wins, the others are told it is handed over already, and the ledger
// gave it once.
func TestSameLineHandedOverOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		id := f.request(t, "Aigerim", f.computer())
		var mu sync.Mutex
		answers := map[string]int{}
		var wg sync.WaitGroup
		for i := range 100 {
			wg.Go(func() {
				serial := []string{"PC-1", "PC-2", "PC-3"}[i%3]
				_, err := f.handOver(id, distribution.LineInput{Line: 1, Serials: []string{serial}})
				mu.Lock()
				answers[key(err)]++
				mu.Unlock()
			})
		}
		wg.Wait()
		if answers[""] != 1 || answers["error.handover_done"] != 99 {
			t.Fatalf("answers %v", answers)
		}
		if n := f.scalar(t, "SELECT count(*) FROM stock_docs WHERE kind = 'issue_person'"); n != 1 {
			t.Fatalf("%d issues, want 1", n)
		}
		if n := f.scalar(t, "SELECT count(*) FROM stock_units WHERE state = 'issued'"); n != 1 {
			t.Fatalf("%d computers issued, want 1", n)
		}
		f.verify(t)
	})
}

// Two coordinators putting the same ten requests on an event's list at
// once, 100 times between them and each time in another order: every
// assignment goes through, and each family is invited exactly once.
func TestSameRequestsAssignedAtOnceInviteOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		other := w.User(t, accounts.NewUser{Email: "coordinator2@example.org", Name: "Second Coordinator",
			Role: access.Coordinator, OrgID: w.Foundation.ID}).Principal()
		var ids []int64
		var refs []string
		for i := range 10 {
			id := f.request(t, fmt.Sprintf("Child %d", i), f.kit())
			ids = append(ids, id)
			refs = append(refs, f.reference(t, id))
		}
		var mu sync.Mutex
		var failed []error
		var wg sync.WaitGroup
		for i := range 100 {
			wg.Go(func() {
				p := f.coord
				if i%2 == 1 {
					p = other
				}
				mine := slices.Clone(refs)
				rand.New(rand.NewPCG(uint64(i), 7)).Shuffle(len(mine), func(a, b int) { mine[a], mine[b] = mine[b], mine[a] })
				if _, err := f.d.Assign(f.ctx, p, f.event.ID, mine); err != nil {
					mu.Lock()
					failed = append(failed, err)
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if len(failed) > 0 {
			t.Fatalf("%d of 100 assignments failed, the first: %v", len(failed), failed[0])
		}
		for i, id := range ids {
			if ms := f.messages(t, id, distribution.InvitationMessage); len(ms) != 1 {
				t.Errorf("request %d (%s) was invited %d times", id, refs[i], len(ms))
			}
		}
		f.verify(t)
	})
}
