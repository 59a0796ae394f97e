package requests_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestTransitionFollowsTheLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		r, err := w.s.Submit(ctx, w.opK, w.input(w.child(t, w.k, "KZ-35", "Sadykov", "Arman").ID))
		must(t, err)
		for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved,
			requests.Allocated, requests.Delivered} {
			if r, err = w.s.Transition(ctx, w.opK, r.ID, requests.Move{To: to, Version: r.Version, Via: "web"}); err != nil {
				t.Fatalf("to %s: %v", to, err)
			}
		}
		if r.Status != requests.Delivered || r.Version != 6 {
			t.Fatalf("after delivery: %s v%d", r.Status, r.Version)
		}
		_, err = w.s.Transition(ctx, w.opK, r.ID, requests.Move{To: requests.Withdrawn, Version: r.Version})
		if keyOf(err) != "conflict error.transition_not_allowed" {
			t.Fatalf("withdraw a delivered request: %s", keyOf(err))
		}
		ev, err := w.s.Events(ctx, w.coord, r.ID)
		must(t, err)
		if len(ev) != 6 || ev[5].From != requests.Allocated || ev[5].To != requests.Delivered || ev[5].ActorName != "Operator K" {
			t.Fatalf("history = %+v", ev)
		}
		ms, err := w.s.Messages(ctx, r.ID)
		must(t, err)
		if len(ms) != 6 || ms[5].Key != "requestnotice.delivered" {
			t.Fatalf("messages = %+v", ms)
		}
	})
}

func TestTransitionRefusesWhatTheLifecycleDoesNotAllow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		r, err := w.s.Submit(ctx, w.opK, w.input(w.child(t, w.k, "KZ-35", "Sadykov", "Arman").ID))
		must(t, err)
		_, err = w.s.Transition(ctx, w.opK, r.ID, requests.Move{To: requests.Delivered, Version: 1})
		if keyOf(err) != "conflict error.transition_not_allowed" {
			t.Fatalf("deliver a submitted request: %s", keyOf(err))
		}
		_, err = w.s.Transition(ctx, w.opK, r.ID, requests.Move{To: requests.Rejected, Version: 1})
		if keyOf(err) != "invalid error.invalid; reason error.required" {
			t.Fatalf("reject without reason: %s", keyOf(err))
		}
		_, err = w.s.Transition(ctx, w.opK, r.ID, requests.Move{To: requests.Rejected, Version: 1, Reason: requests.Other})
		if keyOf(err) != "invalid error.invalid; note error.required" {
			t.Fatalf("reject for other reason without note: %s", keyOf(err))
		}
		r, err = w.s.Transition(ctx, w.opK, r.ID, requests.Move{To: requests.Rejected, Version: 1,
			Reason: requests.NotEligible, Note: "Over the age limit"})
		must(t, err)
		if r.Reason != requests.NotEligible || r.ReasonNote != "Over the age limit" {
			t.Fatalf("rejected = %+v", r)
		}
		_, err = w.s.Transition(ctx, w.opK, r.ID, requests.Move{To: requests.Approved, Version: r.Version})
		if keyOf(err) != "conflict error.transition_not_allowed" {
			t.Fatalf("approve a rejected request: %s", keyOf(err))
		}
		got, err := w.s.Get(ctx, w.opK, r.ID, "web")
		must(t, err)
		if got.Status != requests.Rejected || got.Version != 2 {
			t.Fatalf("refused moves changed the request: %s v%d", got.Status, got.Version)
		}
		if _, err := w.s.Transition(ctx, w.opA, r.ID, requests.Move{To: requests.Withdrawn, Version: 2}); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("operator of another school moved it: %v", err)
		}
	})
}

// A hundred reviewers decide the same request at once: exactly one wins,
// every other is told it changed and given the request as it stands.
func TestTransitionOneOfManyReviewersWins(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		r, err := w.s.Submit(ctx, w.opK, w.input(w.child(t, w.k, "KZ-35", "Sadykov", "Arman").ID))
		must(t, err)
		const n = 100
		var wg sync.WaitGroup
		got := make([]requests.Request, n)
		fails := make([]error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				to := requests.UnderReview
				if i%2 == 1 {
					to = requests.Waitlisted
				}
				got[i], fails[i] = w.s.Transition(ctx, w.coord, r.ID, requests.Move{To: to, Version: r.Version})
			}()
		}
		wg.Wait()
		won := -1
		for i, err := range fails {
			switch {
			case err == nil:
				if won >= 0 {
					t.Fatalf("reviewers %d and %d both won", won, i)
				}
				won = i
			case keyOf(err) != "conflict error.request_changed":
				t.Fatalf("reviewer %d: %s", i, keyOf(err))
			}
		}
		if won < 0 {
			t.Fatal("nobody won")
		}
		for i, err := range fails {
			if err != nil && (got[i].Status != got[won].Status || got[i].Version != 2) {
				t.Fatalf("loser %d sees %s v%d, winner set %s", i, got[i].Status, got[i].Version, got[won].Status)
			}
		}
		ev, err := w.s.Events(ctx, w.coord, r.ID)
		must(t, err)
		if len(ev) != 2 {
			t.Fatalf("%d events, want 2", len(ev))
		}
	})
}

func TestLifecycleTable(t *testing.T) {
	for _, st := range requests.Statuses() {
		for _, to := range st.Next() {
			if to == st || !to.Valid() {
				t.Errorf("%s -> %s", st, to)
			}
		}
	}
	for _, final := range []requests.Status{requests.Delivered, requests.Rejected, requests.Withdrawn} {
		if !final.Final() {
			t.Errorf("%s is not final", final)
		}
	}
	if requests.CanMove(requests.Rejected, requests.Approved) || requests.CanMove(requests.Approved, requests.Delivered) {
		t.Error("lifecycle lets a step be skipped")
	}
}

// The Moved hook hears a request whose status a transition changed, after
// the commit, and nothing of a transition refused.
func TestTransitionTellsTheMovedHook(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		var mu sync.Mutex
		var heard []int64
		w.s.SetHooks(requests.Hooks{Moved: func(ids ...int64) {
			mu.Lock()
			defer mu.Unlock()
			heard = append(heard, ids...)
		}})
		r, err := w.s.Submit(ctx, w.opK, w.input(w.child(t, w.k, "KZ-35", "Sadykov", "Arman").ID))
		must(t, err)
		if _, err := w.s.Transition(ctx, w.opK, r.ID, requests.Move{To: requests.Delivered, Version: r.Version}); err == nil {
			t.Fatal("delivered a submitted request")
		}
		if _, err := w.s.Transition(ctx, w.opK, r.ID, requests.Move{To: requests.Withdrawn, Version: r.Version}); err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		defer mu.Unlock()
		if len(heard) != 1 || heard[0] != r.ID {
			t.Fatalf("the hook heard %v, want [%d]", heard, r.ID)
		}
	})
}
