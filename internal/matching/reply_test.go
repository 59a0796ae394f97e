package matching_test

import (
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// proposalOf is young person y's pending proposal, or fails the test.
func (f *fixture) proposalOf(t *testing.T, y int64) matching.Proposal {
	t.Helper()
	ps, err := f.s.ForYouth(t.Context(), y)
	must(t, err)
	for _, p := range ps {
		if p.Status == matching.Pending {
			return p
		}
	}
	t.Fatalf("young person %d has no pending proposal: %+v", y, ps)
	return matching.Proposal{}
}

func (f *fixture) mentees(t *testing.T, id int64) int {
	t.Helper()
	m, err := f.w.Services.Mentoring.Get(t.Context(), f.coord, id)
	must(t, err)
	return m.Mentees
}

func (f *fixture) activeMentorships(t *testing.T, y int64) int {
	t.Helper()
	var n int
	must(t, f.w.DB.R.QueryRowContext(t.Context(), "SELECT COUNT(*) FROM mentorships WHERE youth_id = "+itoa(y)+
		" AND status = 'active'").Scan(&n))
	return n
}

// TestAMentorAcceptsOnce: an accept starts one mentorship, even when
// sent twenty times at once; a reply to someone else's proposal is not
// found.
func TestAMentorAcceptsOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		ctx := t.Context()
		mine := f.addMentor(t, "Aigerim", 2, true, "career")
		f.linkMentor(t, mine)
		y := f.addYouth(t, "Asel", "career", adult)
		_, err := f.s.Run(ctx, f.coord, matching.Params{})
		must(t, err)
		p := f.proposalOf(t, y)

		_, err = f.s.Accept(ctx, f.coord, p.ID, p.Version)
		wantKey(t, err, "error.forbidden")
		var wg sync.WaitGroup
		results := make(chan error, 20)
		for range 20 {
			wg.Go(func() {
				_, err := f.s.Accept(ctx, f.mentor, p.ID, p.Version)
				results <- err
			})
		}
		wg.Wait()
		close(results)
		ok := 0
		for err := range results {
			if err == nil {
				ok++
			} else if e := errs.As(err); e == nil || (e.Key != "error.conflict" && e.Key != "error.match_answered") {
				t.Errorf("a second accept: %v", err)
			}
		}
		if ok != 1 || f.activeMentorships(t, y) != 1 || f.mentees(t, mine.ID) != 1 {
			t.Fatalf("%d accepts, %d mentorships, %d places taken", ok, f.activeMentorships(t, y), f.mentees(t, mine.ID))
		}
		mp, err := f.s.Mine(ctx, f.mentor)
		must(t, err)
		if len(mp) != 1 || mp[0].Status != matching.Accepted {
			t.Fatalf("mine %+v", mp)
		}
		// Another mentor's proposal is not the world's mentor's to answer.
		other := f.addMentor(t, "Other", 1, true, "career")
		y2 := f.addYouth(t, "Berik", "career", adult)
		f.choose(t, y2, other.ID)
		_, err = f.s.Run(ctx, f.coord, matching.Params{})
		must(t, err)
		p2 := f.proposalOf(t, y2)
		if p2.MentorID != other.ID {
			t.Fatalf("proposal %+v, want mentor %d", p2, other.ID)
		}
		_, err = f.s.Decline(ctx, f.mentor, p2.ID, p2.Version, "busy")
		wantKey(t, err, "error.not_found")
	})
}

// TestDeclinedAndExpiredAreMatchedAgain: a decline gives the place back
// and proposes another mentor at once, never the one who declined; a
// reply after the deadline is refused, the sweep expires it and matches
// the young person again.
func TestDeclinedAndExpiredAreMatchedAgain(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		ctx := t.Context()
		mine := f.addMentor(t, "Aigerim", 1, true, "career")
		f.linkMentor(t, mine)
		second := f.addMentor(t, "Bolat", 1, true, "career")
		third := f.addMentor(t, "Dias", 1, true, "career")
		y := f.addYouth(t, "Asel", "career", adult)
		f.choose(t, y, mine.ID)
		_, err := f.s.Run(ctx, f.coord, matching.Params{DeadlineDays: 3})
		must(t, err)
		p := f.proposalOf(t, y)
		if p.MentorID != mine.ID {
			t.Fatalf("proposal %+v", p)
		}
		_, err = f.s.Decline(ctx, f.mentor, p.ID, p.Version, " ")
		wantKey(t, err, "error.required")
		_, err = f.s.Decline(ctx, f.mentor, p.ID, p.Version, "I am moving abroad")
		must(t, err)
		if f.mentees(t, mine.ID) != 0 {
			t.Fatal("the declined place was not given back")
		}
		again := f.proposalOf(t, y)
		if again.MentorID == mine.ID || again.RunID == p.RunID {
			t.Fatalf("re-matched %+v", again)
		}
		runs, _, err := f.s.Runs(ctx, f.coord, pageAll)
		must(t, err)
		if runs[0].Kind != matching.KindRematch || runs[0].Matched != 1 {
			t.Fatalf("latest run %+v", runs[0])
		}

		// The next mentor replies too late.
		next := second
		if again.MentorID == third.ID {
			next = third
		}
		w.Clock.Advance(4 * 24 * time.Hour)
		_, err = f.s.Accept(ctx, f.linkOther(t, next), again.ID, again.Version)
		wantKey(t, err, "error.match_reply_late")
		expired, proposed, err := f.s.Sweep(ctx)
		must(t, err)
		if expired != 1 || proposed != 1 || f.mentees(t, next.ID) != 0 {
			t.Fatalf("sweep: %d expired, %d proposed, %d places", expired, proposed, f.mentees(t, next.ID))
		}
		last := f.proposalOf(t, y)
		if last.MentorID == mine.ID || last.MentorID == next.ID {
			t.Fatalf("re-matched with %d after %d and %d", last.MentorID, mine.ID, next.ID)
		}
		// Nothing more to do: a second sweep changes nothing.
		if e, p, err := f.s.Sweep(ctx); err != nil || e != 0 || p != 0 {
			t.Fatalf("second sweep %d %d %v", e, p, err)
		}
	})
}

// linkOther gives mentor m a login of their own and returns it.
func (f *fixture) linkOther(t *testing.T, m mentoring.Mentor) access.Principal {
	t.Helper()
	u := f.w.User(t, accounts.NewUser{Email: "login" + itoa(m.ID) + "@example.org", Name: m.Name, Role: access.Mentor,
		OrgID: f.w.Centre.ID, Region: "KZ-75"})
	must(t, f.w.Services.Mentoring.LinkUser(t.Context(), f.coord, m.ID, u.ID))
	return u.Principal()
}

var pageAll = store.Page{Limit: 100}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
