package outreach_test

import (
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/charities"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/testworld"
)

// TestACaseFromFlagToRetained walks one child through every step: the
// contact, needs, referrals refused and accepted, what the charity sees,
// enrolment, the three checks and the close they make; then the funnel.
func TestACaseFromFlagToRetained(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Outreach
		coord, worker := w.Principal(access.Coordinator), w.Principal(access.Outreach)
		aru := w.Person(t, w.Child("Nurlanova", "Aru", testworld.Day(2015, 5, 1)))
		_, err := s.Flag(ctx, coord, []outreach.Flagged{flagged(w, aru, 0.9)})
		must(t, err)
		id := caseOf(t, w, aru.ID)
		health, staff := charity(t, w, "Shipa", 1, []string{"KZ-75"}, charities.Health)
		devices, _ := charity(t, w, "Tech", 5, []string{"KZ-75"}, charities.Devices)
		far, _ := charity(t, w, "Far", 5, []string{"KZ-71"}, charities.Health)

		c, err := s.Assign(ctx, worker, id, 1, w.Users[access.Outreach].ID)
		must(t, err)
		_, err = s.Assign(ctx, worker, id, c.Version, w.Users[access.Coordinator].ID)
		wantKey(t, err, "error.forbidden") // giving a case to someone else is a coordinator's
		_, err = s.Assign(ctx, coord, id, c.Version, w.Users[access.Sponsor].ID)
		wantKey(t, err, "error.outreach_assignee_scope")
		_, err = s.AddNeeds(ctx, worker, id, c.Version, []outreach.NeedNote{{Need: outreach.NeedHealth}})
		wantKey(t, err, "error.outreach_step")
		_, err = s.Contact(ctx, worker, id, c.Version, outreach.ContactInput{Mode: outreach.Visit, Reason: "lazy"})
		wantKey(t, err, "error.invalid_choice_of")
		c, err = s.Contact(ctx, worker, id, c.Version, outreach.ContactInput{Mode: outreach.Visit,
			Reason: outreach.Health, Note: "asthma, no inhaler"})
		must(t, err)
		if c.Step != outreach.Contacted || c.Version != 3 || !c.DueOn.Equal(testworld.Day(2026, 9, 15)) {
			t.Fatalf("contacted %+v", c)
		}
		c, err = s.AddNeeds(ctx, worker, id, c.Version, []outreach.NeedNote{{Need: outreach.NeedHealth,
			Note: "an inhaler and a check-up"}, {Need: outreach.NeedDevice}})
		must(t, err)
		if c.Step != outreach.Support || !c.DueOn.Equal(testworld.Day(2026, 10, 1)) {
			t.Fatalf("support %+v", c)
		}

		// Referrals: refused where the charity does not cover the need or
		// the place, or the need is not recorded; then sent.
		refer := func(n outreach.Need, ch charities.Charity) (outreach.Referral, error) {
			return s.Refer(ctx, worker, id, 0, outreach.ReferInput{Need: n, CharityID: ch.ID})
		}
		_, err = refer(outreach.NeedHealth, devices)
		wantKey(t, err, "error.charity_domain")
		_, err = refer(outreach.NeedHealth, far)
		wantKey(t, err, "error.charity_region")
		_, err = refer(outreach.NeedInsurance, health)
		wantKey(t, err, "error.outreach_need_missing")
		r, err := refer(outreach.NeedHealth, health)
		must(t, err)
		_, err = refer(outreach.NeedHealth, health)
		wantKey(t, err, "error.referral_open")
		rd, err := refer(outreach.NeedDevice, devices)
		must(t, err)

		// The charity's staff see their referral and nothing the family
		// did not consent to share; each card shown is in the access log.
		before := scalar(t, w, "SELECT count(*) FROM access_log")
		inbox, err := s.Inbox(ctx, staff, "", "web")
		must(t, err)
		if len(inbox) != 1 || inbox[0].ID != r.ID || inbox[0].Name != "" || inbox[0].Reason != "" ||
			inbox[0].District != "KZ-75" {
			t.Fatalf("inbox without consent %+v", inbox)
		}
		if n := scalar(t, w, "SELECT count(*) FROM access_log") - before; n != 1 {
			t.Fatalf("%d access-log entries for the inbox, want 1", n)
		}
		_, err = s.Referral(ctx, staff, rd.ID, "web")
		if !isNotFound(err) {
			t.Fatalf("another charity's referral: %v", err)
		}
		v, err := s.Get(ctx, worker, id, "web")
		must(t, err)
		_, err = s.Share(ctx, worker, id, v.Version, []outreach.SharedField{outreach.ShareReason, outreach.ShareName,
			outreach.ShareNeedNote})
		must(t, err)
		card, err := s.Referral(ctx, staff, r.ID, "web")
		must(t, err)
		if card.Name != "Nurlanova Aru" || card.Reason != outreach.Health || card.NeedNote != "an inhaler and a check-up" ||
			!card.BirthDate.IsZero() || card.Address != "" {
			t.Fatalf("card with consent %+v", card)
		}
		_, err = s.Answer(ctx, worker, r.ID, outreach.AnswerInput{Accept: true})
		wantKey(t, err, "error.forbidden")
		_, err = s.Answer(ctx, staff, r.ID, outreach.AnswerInput{Reason: outreach.OtherDecline})
		wantKey(t, err, "error.required")
		a, err := s.Answer(ctx, staff, r.ID, outreach.AnswerInput{Accept: true, Note: "clinic on Monday"})
		must(t, err)
		if a.Status != outreach.Accepted {
			t.Fatalf("answered %+v", a)
		}
		_, err = s.Answer(ctx, staff, r.ID, outreach.AnswerInput{Accept: true})
		wantKey(t, err, "error.referral_answered")
		if got, _ := w.Services.Charities.Get(ctx, coord, health.ID); got.Taken != 1 {
			t.Fatalf("places taken %d, want 1", got.Taken)
		}

		// Enrolment, then the checks at 1, 3 and 6 months.
		v, err = s.Get(ctx, worker, id, "web")
		must(t, err)
		_, err = s.Enrol(ctx, worker, id, v.Version, outreach.EnrolInput{SchoolID: w.School.ID,
			On: testworld.Day(2027, 1, 1)})
		wantKey(t, err, "error.outreach_future")
		c, err = s.Enrol(ctx, worker, id, v.Version, outreach.EnrolInput{SchoolID: w.School.ID})
		must(t, err)
		if c.Step != outreach.Enrolled || c.NextCheck() != 1 || !c.DueOn.Equal(testworld.Day(2026, 10, 1)) {
			t.Fatalf("enrolled %+v", c)
		}
		for i, want := range []time.Time{testworld.Day(2026, 12, 1), testworld.Day(2027, 3, 1)} {
			c, err = s.Check(ctx, worker, id, c.Version, outreach.CheckInput{Attending: true})
			must(t, err)
			if c.ChecksDone != i+1 || !c.DueOn.Equal(want) {
				t.Fatalf("after check %d: %+v", i+1, c)
			}
		}
		c, err = s.Check(ctx, worker, id, c.Version, outreach.CheckInput{Attending: true})
		must(t, err)
		if c.Step != outreach.Closed || c.Outcome != outreach.Retained {
			t.Fatalf("after the six-month check %+v", c)
		}
		v, err = s.Get(ctx, worker, id, "web")
		must(t, err)
		if len(v.Checks) != 3 || v.Referrals[0].Status != outreach.Completed || v.Referrals[1].Status != outreach.Withdrawn {
			t.Fatalf("closed case %+v", v)
		}
		if got, _ := w.Services.Charities.Get(ctx, coord, health.ID); got.Taken != 0 {
			t.Fatalf("places taken after closing %d, want 0", got.Taken)
		}
		_, err = s.Contact(ctx, worker, id, v.Version, outreach.ContactInput{Mode: outreach.Call, Reason: outreach.Work})
		wantKey(t, err, "error.outreach_step")

		by, err := s.Funnel(ctx, worker, false)
		must(t, err)
		if len(by) != 1 || by[0] != (outreach.Stage{Key: "/KZ/KZ-75/", Flagged: 1, Contacted: 1, Supported: 1,
			Enrolled: 1, Retained: 1}) {
			t.Fatalf("funnel by district %+v", by)
		}
		reasons, err := s.Funnel(ctx, coord, true)
		must(t, err)
		if len(reasons) != 1 || reasons[0].Key != "health" || reasons[0].Retained != 1 {
			t.Fatalf("funnel by reason %+v", reasons)
		}
	})
}

// TestACheckThatFindsTheChildAwaySendsTheCaseBack covers the other ways a
// case goes: back to identified from a check, closed as not found.
func TestACheckThatFindsTheChildAwaySendsTheCaseBack(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Outreach
		worker := w.Principal(access.Outreach)
		aru := w.Person(t, w.Child("Nurlanova", "Aru", testworld.Day(2015, 5, 1)))
		_, err := s.Flag(ctx, w.Principal(access.Coordinator), []outreach.Flagged{flagged(w, aru, 0.9)})
		must(t, err)
		id := caseOf(t, w, aru.ID)
		c, err := s.Contact(ctx, worker, id, 1, outreach.ContactInput{Mode: outreach.Call, Reason: outreach.Work})
		must(t, err)
		c, err = s.Enrol(ctx, worker, id, c.Version, outreach.EnrolInput{SchoolID: w.School.ID})
		must(t, err)
		c, err = s.Check(ctx, worker, id, c.Version, outreach.CheckInput{Attending: false, Note: "works at the bazaar"})
		must(t, err)
		if c.Step != outreach.Identified || c.ChecksDone != 0 || !c.DueOn.Equal(testworld.Day(2026, 9, 8)) {
			t.Fatalf("after a check finding the child away %+v", c)
		}
		_, err = s.Close(ctx, worker, id, c.Version, outreach.Retained)
		wantKey(t, err, "error.invalid_choice_of")
		c, err = s.Close(ctx, worker, id, c.Version, outreach.NotFound)
		must(t, err)
		if c.Open() || c.Outcome != outreach.NotFound {
			t.Fatalf("closed %+v", c)
		}
		by, err := s.Funnel(ctx, worker, false)
		must(t, err)
		if by[0].Enrolled != 1 || by[0].Lost != 1 || by[0].Retained != 0 {
			t.Fatalf("funnel %+v", by)
		}
	})
}

// TestTwoWorkersSavingOneCaseAtOnce: of workers contacting one case
// against the same version at once, exactly one wins; the others are told
// the case changed, and nothing of theirs is kept.
func TestTwoWorkersSavingOneCaseAtOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Outreach
		aru := w.Person(t, w.Child("Nurlanova", "Aru", testworld.Day(2015, 5, 1)))
		_, err := s.Flag(ctx, w.Principal(access.Coordinator), []outreach.Flagged{flagged(w, aru, 0.9)})
		must(t, err)
		id := caseOf(t, w, aru.ID)
		second := w.User(t, accounts.NewUser{Email: "second@example.org", Name: "Second worker",
			Role: access.Outreach, OrgID: w.Centre.ID, Region: "KZ-75"}).Principal()
		workers := []access.Principal{w.Principal(access.Outreach), second, w.Principal(access.Outreach), second}
		reasons := []outreach.Reason{outreach.Poverty, outreach.Work, outreach.Distance, outreach.Family}
		errsOf := make([]error, len(workers))
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i, p := range workers {
			wg.Go(func() {
				<-start
				_, errsOf[i] = s.Contact(ctx, p, id, 1, outreach.ContactInput{Mode: outreach.Visit, Reason: reasons[i]})
			})
		}
		close(start)
		wg.Wait()
		won := -1
		for i, err := range errsOf {
			switch {
			case err == nil && won >= 0:
				t.Fatalf("workers %d and %d both won", won, i)
			case err == nil:
				won = i
			default:
				if e := errs.As(err); e == nil || e.Code != errs.Conflict || e.Key != "error.outreach_case_changed" {
					t.Fatalf("worker %d: %v, want error.outreach_case_changed", i, err)
				}
			}
		}
		if won < 0 {
			t.Fatal("nobody won")
		}
		v, err := s.Get(ctx, w.Principal(access.Outreach), id, "web")
		must(t, err)
		if v.Reason != reasons[won] || v.Version != 2 || len(v.Events) != 2 {
			t.Fatalf("case after the race %+v (winner %d)", v.Case, won)
		}
	})
}

// TestWhoSeesACase: a worker outside the district, a charity the case was
// not referred to, a sponsor see nothing of it; every reading is logged.
func TestWhoSeesACase(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Outreach
		aru := w.Person(t, w.Child("Nurlanova", "Aru", testworld.Day(2015, 5, 1)))
		_, err := s.Flag(ctx, w.Principal(access.Coordinator), []outreach.Flagged{flagged(w, aru, 0.9)})
		must(t, err)
		id := caseOf(t, w, aru.ID)
		astana := w.User(t, accounts.NewUser{Email: "astana@example.org", Name: "Astana worker",
			Role: access.Outreach, OrgID: w.Centre.ID, Region: "KZ-71"}).Principal()
		_, staff := charity(t, w, "Shipa", 3, []string{"KZ-75"}, charities.Health)
		// Staff outside the case's scope are told it is not there; roles
		// that never see a case are refused whatever the case.
		for name, tc := range map[string]struct {
			p    access.Principal
			want errs.Code
		}{"worker in Astana": {astana, errs.NotFound}, "stranger": {w.Stranger.Principal(), errs.NotFound},
			"charity staff": {staff, errs.Forbidden}, "sponsor": {w.Principal(access.Sponsor), errs.Forbidden}} {
			if _, err := s.Get(ctx, tc.p, id, "web"); errs.CodeOf(err) != tc.want {
				t.Errorf("%s opens the case: %v", name, err)
			}
			if _, err := s.Contact(ctx, tc.p, id, 1, outreach.ContactInput{Mode: outreach.Call, Reason: outreach.Work}); errs.CodeOf(err) != tc.want {
				t.Errorf("%s works the case: %v", name, err)
			}
		}
		if q, _, err := s.Queue(ctx, astana, outreach.Filter{}, outreach.Page{}); err != nil || len(q) != 0 {
			t.Fatalf("Astana's queue %v %v", q, err)
		}
		if n, err := s.QueueCount(ctx, w.Principal(access.Outreach), outreach.Filter{}); err != nil || n.N != 1 {
			t.Fatalf("queue count %+v %v", n, err)
		}
		if inbox, err := s.Inbox(ctx, staff, "", "web"); err != nil || len(inbox) != 0 {
			t.Fatalf("a charity with no referral sees %v %v", inbox, err)
		}
		before := scalar(t, w, "SELECT count(*) FROM access_log WHERE subject_kind = 'outreach_case'")
		_, err = s.Get(ctx, w.Principal(access.Auditor), id, "api")
		must(t, err)
		if n := scalar(t, w, "SELECT count(*) FROM access_log WHERE subject_kind = 'outreach_case'") - before; n != 1 {
			t.Fatalf("%d access-log entries for one reading", n)
		}
	})
}
