package demo_test

import (
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
)

// The demo's own "Road to School" of this year gets two requests in every
// status (and the families of its distribution day), each with its
// history on the days after it came in, once however often the demo is
// loaded — but those the sample allocation decides: of the eleven
// approved or waitlisted (six and the day's five), those its first round
// served are allocated, the day handed DayHanded of them over, the
// others are waitlisted, and none is left approved.
func TestSeedRequestsInEveryStatus(t *testing.T) {
	_, svc := seeded(t)
	if _, err := demo.Seed(ctx, svc, demo.Options{Now: now}); err != nil { // a second seed
		t.Fatal(err)
	}
	c, err := svc.Requests.CampaignWindow(ctx, "road-2026")
	if err != nil {
		t.Fatal(err)
	}
	rows, _, err := svc.Requests.List(ctx, access.System, requests.Filter{CampaignID: c.ID}, store.Page{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	count, eligible := map[requests.Status]int{}, 0
	for _, r := range rows {
		count[r.Status]++
		if r.SubmittedAt.After(now()) || r.SubmittedAt.Before(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("request %s submitted on %v", r.Reference, r.SubmittedAt)
		}
		ev, err := svc.Requests.Events(ctx, access.System, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if last := ev[len(ev)-1]; last.To != r.Status || last.At.After(now()) {
			t.Errorf("request %s: last event %+v, status %s", r.Reference, last, r.Status)
		}
		// Every sample request has been evaluated with the campaign's
		// starting rules, so an operator has an explanation to read.
		st, err := svc.Eligibility.Current(ctx, access.System, r.ID)
		if err != nil || st.Version != 1 {
			t.Errorf("request %s: eligibility %+v, %v", r.Reference, st, err)
		}
		if st.Result.Status == eligibility.Eligible {
			eligible++
		}
	}
	if eligible == 0 || eligible == len(rows) {
		t.Errorf("%d of %d sample requests eligible: the demo should show both verdicts", eligible, len(rows))
	}
	// Two in every status, and the families of the distribution day: some
	// have collected their kits, the others are still to come.
	runs, err := svc.Allocation.Runs(ctx, access.System, c.ID, 10)
	if err != nil || len(runs) != 1 || runs[0].Served < demo.DayHanded || runs[0].Served >= 11 {
		t.Fatalf("allocation runs %+v %v", runs, err)
	}
	served := runs[0].Served
	want := map[requests.Status]int{requests.Approved: 0, requests.Allocated: served - demo.DayHanded,
		requests.Delivered: 2 + demo.DayHanded, requests.Waitlisted: 11 - served}
	for _, st := range requests.Statuses() {
		w, ok := want[st]
		if !ok {
			w = 2
		}
		if count[st] != w {
			t.Errorf("%d requests %s, want %d", count[st], st, w)
		}
	}
}
