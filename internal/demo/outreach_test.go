package demo_test

import (
	"errors"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// The demo's Qazvin cases stand at every step, some past their deadline,
// with referrals accepted, declined and waiting; the charity login sees
// only its own charity's referrals. A child who had a case before the
// demo was loaded keeps it as it was, and seeding again adds no case.
func TestDemoOutreach(t *testing.T) {
	db := storetest.SQLite(t)
	svc := services(t, db)
	if _, err := demo.Seed(ctx, svc, demo.Options{Now: now, NoRegistry: true}); err != nil {
		t.Fatal(err)
	}
	principal := func(local string) access.Principal {
		u, err := svc.Accounts.LookupEmail(ctx, demo.Email(local))
		if err != nil {
			t.Fatal(err)
		}
		return u.Principal()
	}
	worker, worker2 := principal("outreach.qazvin"), principal("outreach2.qazvin")
	// An out-of-school run flagged the first of the demo's children before.
	kid, err := svc.People.Create(ctx, access.System, people.Input{LastName: "احمدی", FirstName: "محمدرضا",
		BirthDate: now().AddDate(-9, -2, 0), Sex: people.Male, RegionCode: "IR-26", OrgID: worker.OrgID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Outreach.Flag(ctx, access.System, []outreach.Flagged{{PersonID: kid.ID, Category: outreach.DroppedOut,
		Visibility: outreach.Visible, Confidence: 0.5, Why: "the run's", OrgID: worker.OrgID}}); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Seed(ctx, svc, demo.Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	if c, err := svc.Outreach.OpenCase(ctx, access.System, kid.ID, "test"); err != nil || c.Why != "the run's" ||
		c.Step != outreach.Identified || c.AssigneeID != 0 {
		t.Errorf("the run's case became %+v, %v", c, err)
	}

	open := map[string]int{}
	overdue, mine := 0, 0
	today, _ := svc.Outreach.Today(ctx)
	for _, w := range []access.Principal{worker, worker2} {
		cases, _, err := svc.Outreach.Queue(ctx, w, outreach.Filter{Mine: true}, outreach.Page{Limit: store.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			key := string(c.Step)
			if c.Step == outreach.Enrolled {
				key += string(rune('0' + c.ChecksDone)) // checks passed
			}
			open[key]++
			if c.Overdue(today) {
				overdue++
			}
		}
		mine += len(cases)
	}
	t.Logf("open cases by step: %v; %d overdue", open, overdue)
	for _, st := range []string{"identified", "contacted", "support", "enrolled0", "enrolled1", "enrolled2"} {
		if open[st] == 0 {
			t.Errorf("no open case at %s: %v", st, open)
		}
	}
	if overdue < 3 || overdue == mine {
		t.Errorf("%d of %d cases overdue, want some", overdue, mine)
	}
	funnel, err := svc.Outreach.Funnel(ctx, worker, false)
	if err != nil || len(funnel) != 1 {
		t.Fatalf("funnel %+v, %v", funnel, err)
	}
	// The out-of-school run flags the province's children too, so the
	// sample cases are 21 of the flagged.
	if f := funnel[0]; f.Retained != 1 || f.Lost != 2 || f.Flagged < 21 {
		t.Errorf("the funnel reads %+v, want at least 21 flagged, one retained and two lost", f)
	}

	// The charity login is the staff of its charity: its referrals in
	// every status, no other charity's.
	staff, health := principal("charity"), principal("charity.health")
	mineCh, err := svc.Charities.Mine(ctx, staff)
	if err != nil {
		t.Fatalf("the demo's charity login has no charity: %v", err)
	}
	cards, err := svc.Outreach.Inbox(ctx, staff, "", "test")
	if err != nil {
		t.Fatal(err)
	}
	status := map[outreach.ReferralStatus]int{}
	for _, c := range cards {
		if c.CharityID != mineCh.ID {
			t.Errorf("the charity sees referral %d of %s", c.ID, c.Charity)
		}
		status[c.Status]++
	}
	for _, st := range []outreach.ReferralStatus{outreach.Sent, outreach.Accepted, outreach.Declined, outreach.Completed} {
		if status[st] == 0 {
			t.Errorf("no referral %s in the charity's inbox: %v", st, status)
		}
	}
	other, err := svc.Outreach.Inbox(ctx, health, "", "test")
	if err != nil || len(other) == 0 {
		t.Fatalf("the health charity's inbox: %d, %v", len(other), err)
	}
	if _, err := svc.Outreach.Referral(ctx, staff, other[0].ID, "test"); !errors.Is(err, errs.ErrNotFound) {
		t.Errorf("the charity opens another charity's referral: %v", err)
	}

	if _, err := demo.Seed(ctx, svc, demo.Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	if again, _ := svc.Outreach.Funnel(ctx, worker, false); len(again) != 1 || again[0] != funnel[0] {
		t.Errorf("seeding again: funnel %+v, then %+v", funnel, again)
	}
}
