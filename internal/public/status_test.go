package public_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/testworld"
)

func TestTheStatusPageShowsTheStatusAndDeliversItsMessages(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		rc, err := f.s.Apply(ctx, "road", "192.0.2.1", f.application(t), false)
		if err != nil {
			t.Fatal(err)
		}
		var id int64
		if err := f.DB.R.QueryRowContext(ctx, `SELECT id FROM requests`).Scan(&id); err != nil {
			t.Fatal(err)
		}
		coord := w.Principal(access.Coordinator)
		if _, err := w.Services.Requests.Transition(ctx, coord, id, requests.Move{To: requests.UnderReview, Version: 1}); err != nil {
			t.Fatal(err)
		}
		// Typed as a family types it: lower case, no dashes, another prefix.
		st, err := f.s.LookUp(ctx, "192.0.2.1", " "+lower(rc.Reference)+" ", "8 (701) 555-12-34")
		if err != nil {
			t.Fatal(err)
		}
		if st.Reference != rc.Reference || st.Status != requests.UnderReview || len(st.Messages) != 2 {
			t.Fatalf("status %+v", st)
		}
		var pending int
		if err := f.DB.R.QueryRowContext(ctx, `SELECT count(*) FROM outbox WHERE state = 'pending'`).Scan(&pending); err != nil {
			t.Fatal(err)
		}
		if pending != 0 {
			t.Errorf("%d messages still pending after the page showed them", pending)
		}
	})
}

func lower(s string) string {
	out := []byte{}
	for i := range len(s) {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != '-' {
			out = append(out, c)
		}
	}
	return string(out)
}

func TestAWrongPhoneIsAnUnknownReference(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		rc, err := f.s.Apply(ctx, "road", "192.0.2.1", f.application(t), false)
		if err != nil {
			t.Fatal(err)
		}
		_, wrongPhone := f.s.LookUp(ctx, "192.0.2.2", rc.Reference, "+7 701 555 12 35")
		_, unknown := f.s.LookUp(ctx, "192.0.2.3", "222-222-222", "+7 701 555 12 34")
		if _, err := requests.ParseReference("222-222-222"); err != nil {
			t.Fatalf("the unknown reference is not well formed: %v", err)
		}
		if wrongPhone != public.ErrNoRequest || unknown != public.ErrNoRequest {
			t.Errorf("wrong phone: %v; unknown reference: %v; want both %v", wrongPhone, unknown, public.ErrNoRequest)
		}
	})
}

// TestStatusAttemptsAreCountedAtOnce: 100 parallel guesses of the phone of
// one reference, from 100 addresses, get exactly StatusPerReference
// answers; the rest are limited. Then one address's own limit holds
// against parallel requests for many references.
func TestStatusAttemptsAreCountedAtOnce(t *testing.T) {
	f := setup(t, testworld.SQLite(t))
	rc, err := f.s.Apply(ctx, "road", "192.0.2.1", f.application(t), false)
	if err != nil {
		t.Fatal(err)
	}
	count := func(fn func(i int) error) (answered, limited int) {
		var mu sync.Mutex
		var wg sync.WaitGroup
		for i := range 100 {
			wg.Go(func() {
				err := fn(i)
				mu.Lock()
				defer mu.Unlock()
				switch {
				case errors.Is(err, public.ErrLimited):
					limited++
				case errors.Is(err, public.ErrNoRequest):
					answered++
				default:
					t.Errorf("attempt %d: %v", i, err)
				}
			})
		}
		wg.Wait()
		return answered, limited
	}
	answered, limited := count(func(i int) error {
		_, err := f.s.LookUp(ctx, fmt.Sprintf("198.51.100.%d", i), rc.Reference, fmt.Sprintf("+7 700 000 00 %02d", i))
		return err
	})
	if answered != public.StatusPerReference || limited != 100-public.StatusPerReference {
		t.Errorf("per reference: %d answered, %d limited; want %d answered", answered, limited, public.StatusPerReference)
	}
	// The right phone is limited too now: the reference's attempts are spent.
	if _, err := f.s.LookUp(ctx, "192.0.2.1", rc.Reference, "+7 701 555 12 34"); !errors.Is(err, public.ErrLimited) {
		t.Errorf("right phone after the guesses: %v, want limited", err)
	}
	answered, limited = count(func(i int) error {
		// A hundred references, malformed so that none is found: each is
		// answered (refused as mistyped) until the address is limited.
		_, err := f.s.LookUp(ctx, "203.0.113.7", fmt.Sprintf("X%02d-AAA-AAA", i), "+7 700 000 00 00")
		if errs.CodeOf(err) == errs.Invalid {
			return public.ErrNoRequest
		}
		return err
	})
	if answered != public.StatusPerAddress || limited != 100-public.StatusPerAddress {
		t.Errorf("per address: %d answered, %d limited; want %d answered", answered, limited, public.StatusPerAddress)
	}
}

func TestTheLimitsForgiveAfterTheirWindow(t *testing.T) {
	now := time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)
	l := public.NewLimiter(func() time.Time { return now }, 10)
	k := public.Key{Name: "ip:a", Limit: 2}
	var got []bool
	for range 3 {
		got = append(got, l.Take(k))
	}
	if !got[0] || !got[1] || got[2] {
		t.Fatalf("attempts %v, want two allowed, not a third", got)
	}
	// All or nothing: a spent key refuses the attempt and costs the other none.
	other := public.Key{Name: "ref:x", Limit: 1}
	if l.Take(other, k) || !l.Take(other) {
		t.Error("a refused attempt took from another key")
	}
	now = now.Add(public.Window)
	if !l.Take(k) {
		t.Error("still limited after the window")
	}
	// Full: new keys are refused until old windows end.
	for i := range 10 {
		l.Take(public.Key{Name: fmt.Sprint("k", i), Limit: 5})
	}
	if l.Take(public.Key{Name: "late", Limit: 5}) {
		t.Error("a key beyond the limiter's size was taken")
	}
}
