package api

import (
	"net/http"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/mentorship/mentorshiptest"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/strands"
	"github.com/jolproject/jol/internal/testworld"
)

// TestOwnWorkAPI walks a minor's link through the API in Russian: their
// mentorship with the mentor's first name and the rules, feedback on
// their session (not on another's), a concern with what happens next,
// an activity joined once, and an appeal refused without a reason and
// filed with one.
func TestOwnWorkAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := t.Context()
		ms := mentorshiptest.Seed(t, f.w)
		coord := f.w.Principal(access.Coordinator)
		x := must(f.svc.Mentorship.LogSession(ctx, coord, ms.Minor, mentorship.SessionInput{HeldOn: testworld.Day(2026, 8, 28),
			Minutes: 60, Format: mentorship.Online, Topic: "CV"}))
		other := must(f.svc.Mentorship.LogSession(ctx, coord, ms.Adult, mentorship.SessionInput{HeldOn: testworld.Day(2026, 8, 28),
			Minutes: 60, Format: mentorship.Online, Topic: "Another's"}))
		var org int64
		var region string
		check(t, db.R.QueryRowContext(ctx, store.Rebind(db.Engine, `SELECT y.org_id, r.code FROM youth y
			JOIN regions r ON r.id = y.region_id WHERE y.id = $1`), ms.MinorYouth).Scan(&org, &region))
		act := must(f.svc.Strands.Create(ctx, coord, strands.Input{Name: "Dombra", Strand: strands.Creative, OrgID: org,
			RegionCode: region, StartsOn: testworld.Day(2026, 9, 10), EndsOn: testworld.Day(2026, 12, 1), Capacity: 5}))
		sel := must(f.svc.Selection.Create(ctx, coord, selection.Input{Name: "Young leaders", OrgID: org, Places: 1,
			QuotaMode: selection.ProportionalQuotas, TieRule: selection.RegisteredFirst, AppealDays: 3}))
		check(t, f.svc.Selection.Enter(ctx, coord, sel.ID, selection.Score{Round: "Region", YouthID: ms.MinorYouth, Score: 50, Rank: 1}))
		must(f.svc.Selection.Rank(ctx, coord, sel.ID))
		must(f.svc.Selection.OpenAppeals(ctx, coord, sel.ID))
		base := Prefix + "/y/" + must(f.svc.Youth.Link(ctx, coord, ms.MinorYouth))
		ru := []string{"Accept-Language", "ru"}

		r := f.do(t, "GET", base+"/match", "", nil, ru...)
		m := decodeAs[ownMatch](t, r)
		if r.Code != http.StatusOK || len(m.Mentorships) != 1 || m.Mentorships[0].MentorName != "Bolat" ||
			len(m.Mentorships[0].Sessions) != 1 || len(m.Rules) != 4 || !strings.Contains(m.Rules[0], "общественных") {
			t.Fatalf("match: %d %s", r.Code, r.Body)
		}
		if strings.Contains(r.Body.String(), "Nurlanov") {
			t.Error("the mentor's last name in the young person's match")
		}
		fb := base + "/sessions/" + itoa64(x.ID) + "/feedback"
		if r := f.do(t, "POST", fb, "", map[string]any{"rating": 7}, ru...); r.Code != http.StatusUnprocessableEntity {
			t.Errorf("rating 7: %d %s", r.Code, r.Body)
		}
		if r := f.do(t, "POST", fb, "", map[string]any{"rating": 4, "comment": "Полезно"}); r.Code != http.StatusCreated {
			t.Fatalf("feedback: %d %s", r.Code, r.Body)
		}
		if r := f.do(t, "POST", fb, "", map[string]any{"rating": 4}); r.Code != http.StatusConflict {
			t.Errorf("feedback twice: %d %s", r.Code, r.Body)
		}
		if r := f.do(t, "POST", base+"/sessions/"+itoa64(other.ID)+"/feedback", "", map[string]any{"rating": 4}); r.Code != http.StatusNotFound {
			t.Errorf("another's session: %d %s", r.Code, r.Body)
		}
		r = f.do(t, "POST", base+"/mentorships/"+itoa64(ms.Minor)+"/concerns", "", map[string]any{"body": "Он просил мой номер"}, ru...)
		if c := decodeAs[ownConcern](t, r); r.Code != http.StatusCreated || c.ID == 0 || !strings.Contains(c.Next, "112") {
			t.Fatalf("concern: %d %s", r.Code, r.Body)
		}
		acts := base + "/activities"
		if r := f.do(t, "POST", acts+"/"+itoa64(act.ID)+"/join", "", nil); r.Code != http.StatusCreated {
			t.Fatalf("join: %d %s", r.Code, r.Body)
		}
		if r := f.do(t, "POST", acts+"/"+itoa64(act.ID)+"/join", "", nil); r.Code != http.StatusConflict {
			t.Errorf("join twice: %d %s", r.Code, r.Body)
		}
		offers := decodeAs[struct{ Activities []strands.Offer }](t, f.do(t, "GET", acts, "", nil))
		if len(offers.Activities) != 1 || !offers.Activities[0].Joined {
			t.Errorf("activities: %+v", offers)
		}
		st := decodeAs[struct{ Selections []ownStanding }](t, f.do(t, "GET", base+"/selections", "", nil))
		if len(st.Selections) != 1 || !st.Selections[0].Appealable || st.Selections[0].Position != 1 {
			t.Fatalf("selections: %+v", st)
		}
		appeal := base + "/selections/" + itoa64(sel.ID) + "/appeal"
		if r := f.do(t, "POST", appeal, "", map[string]any{"reason": " "}); r.Code != http.StatusUnprocessableEntity {
			t.Errorf("no reason: %d %s", r.Code, r.Body)
		}
		if r := f.do(t, "POST", appeal, "", map[string]any{"reason": "Второй кейс не засчитан"}); r.Code != http.StatusCreated {
			t.Fatalf("appeal: %d %s", r.Code, r.Body)
		}
		if r := f.do(t, "GET", Prefix+"/y/"+strings.Repeat("A", 43)+"/match", "", nil); r.Code != http.StatusNotFound {
			t.Errorf("a forged link: %d", r.Code)
		}
	})
}
