package mentorship_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// TestConcernReachesTheLead reports concerns from the mentor, a
// coordinator and the young person; each reaches the designated lead at
// once, is audited, and is worked open → in progress → closed.
func TestConcernReachesTheLead(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		e := setup(t, w)
		ctx := t.Context()
		lead := w.User(t, accounts.NewUser{Email: "lead@example.org", Name: "Gulnara Lead", Role: access.Coordinator,
			OrgID: w.Foundation.ID, Region: "KZ"})
		err := e.s.SetLead(ctx, e.coord, w.Foundation.ID, w.Principal(access.Operator).UserID)
		wantKey(t, err, "error.safeguarding_lead_user")
		err = e.s.SetLead(ctx, e.stranger, w.Foundation.ID, lead.ID)
		wantKey(t, err, "error.forbidden")
		must(t, e.s.SetLead(ctx, e.coord, w.Foundation.ID, lead.ID))
		leads, err := e.s.Leads(ctx, e.coord)
		must(t, err)
		if len(leads) != 1 || leads[0].UserID != lead.ID {
			t.Fatalf("leads %+v", leads)
		}

		_, err = e.s.ReportConcern(ctx, e.mentor, e.f.Minor, "   ")
		wantKey(t, err, "error.required")
		_, err = e.s.ReportConcern(ctx, e.other, e.f.Minor, "Not my mentee")
		wantKey(t, err, "error.forbidden")
		_, err = e.s.ReportConcern(ctx, e.stranger, e.f.Minor, "Out of scope")
		wantKey(t, err, "error.forbidden")
		c, err := e.s.ReportConcern(ctx, e.mentor, e.f.Minor, "Mentioned trouble at home")
		must(t, err)
		if c.LeadID != lead.ID || c.Status != mentorship.ConcernOpen || c.Reporter != "mentor" || !c.Minor {
			t.Fatalf("concern %+v", c)
		}
		_, err = e.s.YouthConcern(ctx, e.f.AdultYouth, e.f.Minor, "Not my mentorship")
		wantKey(t, err, "error.not_found")
		_, err = e.s.YouthConcern(ctx, e.f.MinorYouth, e.f.Minor, "")
		wantKey(t, err, "error.required")
		theirs, err := e.s.YouthConcern(ctx, e.f.MinorYouth, e.f.Minor, "The meetings are too late in the evening")
		must(t, err)
		if theirs.Reporter != "youth" || theirs.LeadID != lead.ID {
			t.Fatalf("young person's concern %+v", theirs)
		}

		// The lead sees both at once; another coordinator does not.
		lp := lead.Principal()
		list, _, err := e.s.Concerns(ctx, lp, "", store.Page{})
		must(t, err)
		if len(list) != 2 {
			t.Fatalf("lead's concerns %+v", list)
		}
		if n, err := e.s.OpenConcerns(ctx, lp); err != nil || n != 2 {
			t.Fatalf("open concerns %d %v", n, err)
		}
		for name, p := range map[string]access.Principal{"a coordinator not the lead": e.coord, "the mentor": e.mentor,
			"an auditor": e.auditor} {
			if _, err := e.s.Concern(ctx, p, c.ID); errs.CodeOf(err) != errs.Forbidden {
				t.Errorf("%s opens the concern: %v", name, err)
			}
		}
		if others, _, err := e.s.Concerns(ctx, e.coord, "", store.Page{}); err != nil || len(others) != 0 {
			t.Fatalf("another coordinator's list: %+v %v", others, err)
		}

		_, err = e.s.WorkConcern(ctx, lp, c.ID, c.Version, mentorship.ConcernClosed, "")
		wantKey(t, err, "error.required")
		c, err = e.s.WorkConcern(ctx, lp, c.ID, c.Version, mentorship.ConcernInProgress, "Called the guardian")
		must(t, err)
		_, err = e.s.WorkConcern(ctx, lp, c.ID, c.Version, mentorship.ConcernOpen, "")
		wantKey(t, err, "error.concern_step")
		_, err = e.s.WorkConcern(ctx, e.coord, c.ID, c.Version, mentorship.ConcernClosed, "Not mine")
		wantKey(t, err, "error.forbidden")
		c, err = e.s.WorkConcern(ctx, lp, c.ID, c.Version, mentorship.ConcernClosed, "Meetings moved to the library")
		must(t, err)
		if c.Status != mentorship.ConcernClosed || c.ClosedAt.IsZero() || c.Note == "" {
			t.Fatalf("closed %+v", c)
		}

		changes, _, err := w.Services.Audit.Changes(ctx, e.admin, audit.Filter{Entity: "safeguarding_concern"}, store.Page{})
		must(t, err)
		actions := map[string]int{}
		for _, ch := range changes {
			actions[ch.Action]++
		}
		if actions["report"] != 2 || actions["set_status"] != 2 {
			t.Fatalf("audited %v", actions)
		}
	})
}

// TestConcernWithoutLead reaches the coordinators of its scope when no
// lead is designated on the way up, never no one.
func TestConcernWithoutLead(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		e := setup(t, w)
		ctx := t.Context()
		c, err := e.s.ReportConcern(ctx, e.coord, e.f.Adult, "No lead yet")
		must(t, err)
		if c.LeadID != 0 {
			t.Fatalf("lead %d", c.LeadID)
		}
		if _, err := e.s.Concern(ctx, e.coord, c.ID); err != nil {
			t.Fatalf("a coordinator in scope: %v", err)
		}
		if _, err := e.s.Concern(ctx, e.stranger, c.ID); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("a coordinator out of scope: %v", err)
		}
		if list, _, err := e.s.Concerns(ctx, e.admin, mentorship.ConcernOpen, store.Page{}); err != nil || len(list) != 1 {
			t.Fatalf("admin's list %+v %v", list, err)
		}
	})
}
