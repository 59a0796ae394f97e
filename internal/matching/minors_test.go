package matching_test

import (
	"testing"

	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/youth"
)

// TestAMinorsMatchWaitsForApproval: a minor with consent is matched with
// a vetted mentor; the mentor may accept only once a coordinator
// approved, and reads the contacts only once both happened.
func TestAMinorsMatchWaitsForApproval(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		ctx := t.Context()
		m := f.addMentor(t, "Aigerim", 1, true, "career")
		f.linkMentor(t, m)
		kid := f.addYouth(t, "Kid", "career", minor)
		_, err := w.Services.Youth.RecordGuardianConsent(ctx, f.coord, kid, youth.Guardian{Name: "Mother", Relation: "mother",
			Contact: "+7 701 000 00 01", ConsentOn: day(2026, 8, 20)})
		must(t, err)
		_, err = f.s.Run(ctx, f.coord, matching.Params{})
		must(t, err)
		p := f.proposalOf(t, kid)
		if !p.Minor || !p.NeedsApproval() {
			t.Fatalf("proposal %+v", p)
		}
		if ps, _ := f.s.ForYouth(ctx, kid); ps[0].MentorName != "" {
			t.Fatal("the young person sees the mentor before approval")
		}
		_, err = f.s.Accept(ctx, f.mentor, p.ID, p.Version)
		wantKey(t, err, "error.match_needs_approval")
		_, err = f.s.Approve(ctx, f.mentor, p.ID)
		wantKey(t, err, "error.forbidden")
		_, err = f.s.Approve(ctx, w.Stranger.Principal(), p.ID)
		wantKey(t, err, "error.not_found")
		approved, err := f.s.Approve(ctx, f.coord, p.ID)
		must(t, err)
		_, err = f.s.Approve(ctx, f.coord, p.ID)
		wantKey(t, err, "error.match_no_approval")

		y, err := w.Services.Youth.Get(ctx, f.coord, kid, youth.ViaWeb)
		must(t, err)
		reveal := f.s.Revealer()
		if ok, err := reveal(ctx, f.mentor, y); err != nil || ok {
			t.Fatalf("revealed before acceptance: %v %v", ok, err)
		}
		_, err = f.s.Accept(ctx, f.mentor, approved.ID, approved.Version)
		must(t, err)
		if ok, err := reveal(ctx, f.mentor, y); err != nil || !ok {
			t.Fatalf("not revealed after approval and acceptance: %v %v", ok, err)
		}
		if ok, _ := reveal(ctx, f.coord, y); ok {
			t.Fatal("revealed to a coordinator through the matching")
		}
		if f.activeMentorships(t, kid) != 1 {
			t.Fatal("no mentorship")
		}
	})
}
