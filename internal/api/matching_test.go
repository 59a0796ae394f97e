package api

import (
	"net/http"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/youth"
)

// TestMatchingAPI: a coordinator runs the matching (a bad deadline is
// refused with the field named), reads the run and its proposals; the
// world's mentor lists theirs and accepts, a second accept conflicts;
// a volunteer may not run, a coordinator may not reply.
func TestMatchingAPI(t *testing.T) {
	f := newFixture(t, storetest.Engine(t))
	ctx, w, ms := t.Context(), f.w, f.svc.Mentoring
	coord := w.Principal(access.Coordinator)
	mod := must(ms.AddModule(ctx, access.System, mentoring.Module{Code: "how", Name: "How to mentor", Required: true}))
	c := must(ms.CreateCohort(ctx, coord, mentoring.Cohort{Name: "Summer", OrgID: w.Foundation.ID,
		StartsOn: testworld.Day(2026, 8, 1), EndsOn: testworld.Day(2026, 8, 31)}))
	m := must(ms.Create(ctx, coord, mentoring.Input{Name: "Aigerim Nurlanova", Email: "aigerim@example.org",
		Background: mentoring.Coach, Fields: []string{"career"}, Languages: []string{"kk"}, OrgID: w.Foundation.ID,
		RegionCode: "KZ-75", Online: true, Capacity: 2}))
	check(t, ms.Enrol(ctx, coord, c.ID, m.ID))
	s := must(ms.AddSession(ctx, coord, mentoring.Session{CohortID: c.ID, ModuleID: mod.ID, HeldOn: testworld.Day(2026, 8, 10), Trainer: "B. O."}))
	check(t, ms.RecordAttendance(ctx, coord, s.ID, []int64{m.ID}))
	check(t, ms.RecordFinal(ctx, coord, c.ID, m.ID, true, 80, testworld.Day(2026, 8, 31)))
	check(t, ms.LinkUser(ctx, coord, m.ID, w.Users[access.Mentor].ID))
	_ = must(f.svc.Youth.Register(ctx, youth.FormPrincipal(w.Foundation.ID, w.Foundation.Path), w.Foundation.ID,
		youth.Input{LastName: "Seitkali", FirstName: "Asel", Birth: testworld.Day(2000, 1, 2), RegionCode: "KZ-75",
			Settlement: youth.Urban, Status: youth.NEET, Field: "career", Language: "kk",
			Contact: youth.Contact{Phone: "+7 701 000 00 01"}, Channel: youth.Web, Guardian: youth.GuardianDetails{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 000 00 00"}}))

	if r := f.do(t, "POST", Prefix+"/matching/runs", f.token[access.Coordinator], map[string]any{"deadline_days": 61}); r.Code != http.StatusUnprocessableEntity {
		t.Fatalf("bad deadline: %d %s", r.Code, r.Body)
	}
	if r := f.do(t, "POST", Prefix+"/matching/runs", f.token[access.Volunteer], map[string]any{}); r.Code != http.StatusForbidden {
		t.Fatalf("a volunteer runs: %d", r.Code)
	}
	r := f.do(t, "POST", Prefix+"/matching/runs", f.token[access.Coordinator], map[string]any{"rule": map[string]any{"field": true}})
	run := decodeAs[matching.Run](t, r)
	if r.Code != http.StatusCreated || run.Matched != 1 {
		t.Fatalf("run: %d %s", r.Code, r.Body)
	}
	r = f.do(t, "GET", Prefix+"/matching/runs/"+itoa64(run.ID)+"/proposals", f.token[access.Coordinator], nil)
	ps := decodeAs[struct{ Items []matching.Proposal }](t, r)
	if r.Code != http.StatusOK || len(ps.Items) != 1 || ps.Items[0].Reasons[0].Key != "mentoring.match.automatic" {
		t.Fatalf("proposals: %d %s", r.Code, r.Body)
	}
	p := ps.Items[0]
	if r := f.do(t, "GET", Prefix+"/matching/my-proposals", f.token[access.Mentor], nil); r.Code != http.StatusOK {
		t.Fatalf("mine: %d %s", r.Code, r.Body)
	}
	path := Prefix + "/matching/proposals/" + itoa64(p.ID)
	if r := f.do(t, "POST", path+"/accept", f.token[access.Coordinator], map[string]any{"version": p.Version}); r.Code != http.StatusForbidden {
		t.Fatalf("a coordinator accepts: %d", r.Code)
	}
	if r := f.do(t, "POST", path+"/accept", f.token[access.Mentor], map[string]any{"version": p.Version}); r.Code != http.StatusOK {
		t.Fatalf("accept: %d %s", r.Code, r.Body)
	}
	if r := f.do(t, "POST", path+"/decline", f.token[access.Mentor], map[string]any{"version": p.Version, "reason": "x"}); r.Code != http.StatusConflict {
		t.Fatalf("decline after accept: %d %s", r.Code, r.Body)
	}
}
