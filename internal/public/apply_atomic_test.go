package public_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/testworld"
)

// racing reads a campaign as the form does and then, before the
// application is written, does what another writer might meanwhile.
type racing struct {
	public.Campaigns
	meanwhile func()
}

func (r racing) PublicCampaign(ctx context.Context, slug string) (public.Campaign, error) {
	c, err := r.Campaigns.PublicCampaign(ctx, slug)
	if err == nil {
		r.meanwhile()
	}
	return c, err
}

// registryTables are every table an application writes to.
var registryTables = []string{"persons", "households", "household_members", "guardianships", "consents",
	"requests", "request_lines", "request_events", "outbox"}

// TestAnApplicationFailingAfterTheRegistryLeavesNothing: whatever makes the
// submission fail once the child and the guardian are written — the
// campaign closed or an item withdrawn after the form's checks, the
// requests' gate failing — the registry, the consent and the change log
// are as before.
func TestAnApplicationFailingAfterTheRegistryLeavesNothing(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		a := f.application(t)
		a.Relation = public.Guardian // so a guardianship is written too
		a.Items = []public.Choice{{ItemID: f.c.Kit}, {ItemID: f.c.Shoes, Size: "32"}}
		a.Distance = "2,5"
		auditBefore := f.count(t, "audit_log")
		reached := false // the requests' gate runs after the registry's writes
		gate := func(context.Context, int64, time.Time, time.Time) error { reached = true; return nil }
		cases := []struct {
			name      string
			meanwhile func()
			gate      func(context.Context, int64, time.Time, time.Time) error
			want      func(error) bool
		}{
			{"the campaign closes", func() { f.exec(t, `UPDATE campaigns SET status = 'closed'`) }, gate,
				func(err error) bool { return errors.Is(err, public.ErrClosed) }},
			{"the submission fails", func() {}, func(context.Context, int64, time.Time, time.Time) error {
				reached = true
				return errors.New("the disk is full")
			}, func(err error) bool { return err != nil && err.Error() == "the disk is full" }},
			// last: the shoes stay withdrawn
			{"the shoes leave the offer", func() { f.exec(t, `DELETE FROM campaign_items WHERE item_id = $1`, f.c.Shoes) }, gate,
				func(err error) bool { return slices.Contains(keys(err), "lines.1.item:error.item_not_offered") }},
		}
		for i, c := range cases {
			reached = false
			w.Services.Requests.SetHooks(requests.Hooks{Gate: c.gate})
			s, err := public.New(public.Deps{DB: w.DB, People: w.Services.People, Requests: w.Services.Requests,
				Campaigns: racing{w.Services.Public.Campaigns, c.meanwhile}, Now: w.Clock.Now})
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.Apply(ctx, "road", fmt.Sprintf("192.0.2.%d", i+1), a, false)
			if !c.want(err) {
				t.Errorf("%s: %v (%v)", c.name, err, keys(err))
			}
			if c.name != "the campaign closes" && !reached {
				t.Errorf("%s: the submission never ran after the registry's writes", c.name)
			}
			for _, table := range registryTables {
				if n := f.count(t, table); n != 0 {
					t.Errorf("%s: %d rows left in %s", c.name, n, table)
				}
			}
			if n := f.count(t, "audit_log"); n != auditBefore {
				t.Errorf("%s: %d change-log entries left", c.name, n-auditBefore)
			}
			f.exec(t, `UPDATE campaigns SET status = 'open'`)
		}
	})
}

// TestFiftyApplicationsForOneChildAtOnce: the same form sent 50 times at
// once (from 50 addresses) registers the child and the mother once, keeps
// one consent and one request, and answers each with its reference.
func TestFiftyApplicationsForOneChildAtOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		a := f.application(t)
		const n = 50
		refs := sameReference(t, n, func(i int) (public.Receipt, error) {
			return f.s.Apply(ctx, "road", fmt.Sprintf("198.51.100.%d", i), a, false)
		})
		var ref string
		if err := f.DB.R.QueryRowContext(ctx, `SELECT reference FROM requests`).Scan(&ref); err != nil || ref != refs[0] {
			t.Errorf("the request's reference %q (%v), answered %q", ref, err, refs[0])
		}
		for table, want := range map[string]int{"persons": 2, "requests": 1, "consents": 1, "request_lines": 1} {
			if got := f.count(t, table); got != want {
				t.Errorf("%d rows in %s, want %d", got, table, want)
			}
		}
	})
}

// sameReference sends n applications at once through apply (given each
// its number) and fails the test unless every one succeeded with the same
// reference; it returns the references.
func sameReference(t *testing.T, n int, apply func(i int) (public.Receipt, error)) []string {
	t.Helper()
	refs := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			rc, err := apply(i)
			if err != nil {
				t.Errorf("application %d: %v", i, err)
			}
			refs[i] = rc.Reference
		})
	}
	wg.Wait()
	for i, ref := range refs {
		if ref != refs[0] || ref == "" {
			t.Fatalf("application %d got %q, the first %q", i, ref, refs[0])
		}
	}
	return refs
}
