package api

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// Mentors through the API: the filtered list, a mentor's page saying why
// they may not take young people yet, a decision, a vetting expiring
// before its date refused, the school's register refusing a mentor not of
// the cohort, the progress, the pool; another region's coordinator is
// refused the mentor, an operator the list.
func TestMentorsThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx, s, w := t.Context(), f.svc.Mentoring, f.w
		coord := f.token[access.Coordinator]
		in := mentoring.Input{Name: "Aigerim", Email: "a@example.org", Background: mentoring.Media,
			Fields: []string{"media"}, Languages: []string{"kk"}, OrgID: w.Foundation.ID, RegionCode: "KZ-75",
			Online: true, Capacity: 2}
		m := must(s.Apply(ctx, in))
		in.Name, in.Email = "Bolat", "b@example.org"
		other := must(s.Create(ctx, access.System, in))

		res := f.do(t, "GET", "/api/v1/mentors?status=applied&field=media", coord, nil)
		if res.Code != http.StatusOK || !strings.Contains(res.Body.String(), `"Aigerim"`) || strings.Contains(res.Body.String(), "Bolat") {
			t.Fatalf("the list = %d %s", res.Code, res.Body)
		}
		if res := f.do(t, "GET", "/api/v1/mentors?school=half", coord, nil); res.Code != http.StatusUnprocessableEntity {
			t.Errorf("a bad filter = %d", res.Code)
		}
		card := decodeAs[mentorCardOut](t, f.do(t, "GET", fmt.Sprintf("/api/v1/mentors/%d", m.ID), coord, nil))
		if card.Adults.Eligible || card.Adults.Reason != "error.mentor_not_approved" {
			t.Fatalf("card %+v", card)
		}
		res = f.do(t, "POST", fmt.Sprintf("/api/v1/mentors/%d/decision", m.ID), coord, map[string]any{"version": m.Version,
			"approve": false})
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("a rejection without reason = %d %s", res.Code, res.Body)
		}
		res = f.do(t, "POST", fmt.Sprintf("/api/v1/mentors/%d/decision", m.ID), coord, map[string]any{"version": m.Version,
			"approve": true})
		if res.Code != http.StatusOK {
			t.Fatalf("approving = %d %s", res.Code, res.Body)
		}
		m = decodeAs[mentoring.Mentor](t, res)
		res = f.do(t, "PUT", fmt.Sprintf("/api/v1/mentors/%d/vetting", m.ID), coord, map[string]any{"version": m.Version,
			"document": "No. 5", "on": "2026-05-01", "expires": "2026-04-01", "checked_by": "A. Seitkali"})
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "vetting_expires") {
			t.Fatalf("a vetting expiring before its date = %d %s", res.Code, res.Body)
		}
		card = decodeAs[mentorCardOut](t, f.do(t, "GET", fmt.Sprintf("/api/v1/mentors/%d", m.ID), coord, nil))
		if card.Adults.Eligible || card.Adults.Reason != "error.mentor_final_check" {
			t.Fatalf("a mentor without the school: %+v", card.Adults)
		}

		co := must(s.CreateCohort(ctx, access.System, mentoring.Cohort{Name: "Autumn", OrgID: w.Foundation.ID,
			StartsOn: w.Clock.Now(), EndsOn: w.Clock.Now().AddDate(0, 1, 0)}))
		mod := must(s.AddModule(ctx, access.System, mentoring.Module{Code: "safe", Name: "Safeguarding", Required: true}))
		check(t, s.Enrol(ctx, access.System, co.ID, m.ID))
		ses := must(s.AddSession(ctx, access.System, mentoring.Session{CohortID: co.ID, ModuleID: mod.ID,
			HeldOn: w.Clock.Now(), Trainer: "B. Omarov"}))
		path := fmt.Sprintf("/api/v1/mentor-sessions/%d/attendance", ses.ID)
		if res := f.do(t, "PUT", path, coord, map[string]any{"present": []int64{m.ID, other.ID}}); res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("an outsider on the register = %d %s", res.Code, res.Body)
		}
		if res := f.do(t, "PUT", path, coord, map[string]any{"present": []int64{m.ID}}); res.Code != http.StatusOK {
			t.Fatalf("the register = %d %s", res.Code, res.Body)
		}
		rep := decodeAs[mentoring.Report](t, f.do(t, "GET", fmt.Sprintf("/api/v1/mentor-cohorts/%d/progress", co.ID), coord, nil))
		if rep.Counts.Members != 1 || rep.Members[0].Attended != 1 || len(rep.Missing[m.ID]) != 0 {
			t.Fatalf("progress %+v", rep)
		}
		st := decodeAs[mentoring.Stats](t, f.do(t, "GET", "/api/v1/mentors/stats", coord, nil))
		if st.Total.Mentors != 2 || st.ByField["media"].Mentors != 2 {
			t.Fatalf("stats %+v", st)
		}
		res = f.do(t, "PUT", "/api/v1/mentor-fields/law", f.token[access.Admin], map[string]any{"name_en": "Law",
			"name_kk": "Құқық", "name_ru": "Право", "name_fr": "Droit", "name_fa": "حقوق", "active": true, "position": 9})
		if res.Code != http.StatusOK {
			t.Fatalf("a field = %d %s", res.Code, res.Body)
		}

		stranger := f.newToken(t, w.Stranger)
		if res := f.do(t, "GET", fmt.Sprintf("/api/v1/mentors/%d", m.ID), stranger, nil); res.Code != http.StatusForbidden {
			t.Errorf("another region's coordinator = %d", res.Code)
		}
		if res := f.do(t, "GET", "/api/v1/mentors", f.token[access.Operator], nil); res.Code != http.StatusForbidden {
			t.Errorf("an operator = %d", res.Code)
		}
	})
}
