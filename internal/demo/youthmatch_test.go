package demo_test

import (
	"testing"

	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/store"
)

// The youth programme's matching: runs whose proposals hold no mentor
// beyond their capacity (each mentor's places in use are their pending
// proposals and active mentorships), most accepted, some declined, a few
// pending; mentorships with sessions, goals and feedback both ways, some
// completed and one ended early; the concern on the designated lead's
// list; the mentor login with accepted and pending proposals.
func TestDemoYouthMatching(t *testing.T) {
	_, svc := seeded(t)
	coord := principal(t, svc, "youth")
	mentors := mentorsOf(t, svc, coord)

	// Capacity: each mentor's places in use are their pending proposals
	// and active mentorships, never more than their capacity.
	held := map[int64]int{}
	runs := pages(t, func(pg store.Page) ([]matching.Run, string, error) { return svc.Matching.Runs(ctx, coord, pg) })
	var statuses = map[matching.Status]int{}
	for _, r := range runs {
		for after := int64(0); ; {
			ps, err := svc.Matching.RunProposals(ctx, coord, r.ID, after, matching.MaxPage)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				statuses[p.Status]++
				if p.Status == matching.Pending {
					held[p.MentorID]++
				}
				after = p.ID
			}
			if len(ps) < matching.MaxPage {
				break
			}
		}
	}
	if len(runs) < 7 || statuses[matching.Accepted] < 500 || statuses[matching.Declined] == 0 || statuses[matching.Pending] == 0 ||
		statuses[matching.Pending] > 80 {
		t.Errorf("%d runs, proposals %v", len(runs), statuses)
	}
	ships := pages(t, func(pg store.Page) ([]mentorship.Mentorship, string, error) {
		return svc.Mentorship.List(ctx, coord, mentorship.Filter{}, pg)
	})
	ended := map[mentorship.Status]int{}
	for _, m := range ships {
		ended[m.Status]++
		if m.Status == mentorship.Active {
			held[m.MentorID]++
		}
	}
	if ended[mentorship.Completed] == 0 || ended[mentorship.EndedEarly] != 1 {
		t.Errorf("mentorships %v", ended)
	}
	for _, m := range mentors {
		if m.Mentees != held[m.ID] || m.Mentees > m.Capacity {
			t.Errorf("mentor %d: %d places in use, %d held, capacity %d", m.ID, m.Mentees, held[m.ID], m.Capacity)
		}
	}

	// A mentorship with sessions and feedback from both sides.
	found := false
	for _, m := range ships {
		w, err := svc.Mentorship.WorkOf(ctx, coord, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		by := map[mentorship.Author]bool{}
		for _, f := range w.Feedback {
			by[f.Author] = true
		}
		if len(w.Sessions) > 1 && len(w.Goals) > 0 && by[mentorship.ByMentor] && by[mentorship.ByYouth] {
			found = true
			break
		}
	}
	if !found {
		t.Error("no mentorship with sessions, goals and feedback both ways")
	}

	// The concern reached the head office's designated lead.
	lead := principal(t, svc, "safeguarding")
	cs, _, err := svc.Mentorship.Concerns(ctx, lead, mentorship.ConcernOpen, store.Page{})
	if err != nil || len(cs) != 1 || cs[0].LeadID != lead.UserID || !cs[0].Minor {
		t.Errorf("the lead's open concerns %+v (%v)", cs, err)
	}
	// The mentor login's own profile and proposals.
	mentor := principal(t, svc, "mentor")
	mine, err := svc.Mentoring.Mine(ctx, mentor)
	if err != nil || mine.Name != "Camille Martin" || mine.Mentees == 0 {
		t.Errorf("the mentor login's profile %+v (%v)", mine, err)
	}
	props, err := svc.Matching.Mine(ctx, mentor)
	replies := map[matching.Status]int{}
	for _, p := range props {
		replies[p.Status]++
	}
	if err != nil || replies[matching.Accepted] == 0 || replies[matching.Pending] == 0 {
		t.Errorf("the mentor login's proposals %v (%v)", replies, err)
	}
}
