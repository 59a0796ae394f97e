package api

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/outcomes"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/strands"
	"github.com/jolproject/jol/internal/youth"
)

// TestStrandsAPI: an activity is created, a young person enrolled (a
// second time refused with 409, one over capacity too), a session's
// register recorded (a mark for someone not enrolled refused); an outcome
// recorded (an unknown code refused with the field named) and read, which
// writes the access log; the coverage counts them; a sponsor sees
// nothing.
func TestStrandsAPI(t *testing.T) {
	f := newFixture(t, storetest.Engine(t))
	coord, sponsor := f.token[access.Coordinator], f.token[access.Sponsor]
	young := func(first string) int64 {
		r, err := f.svc.Youth.Register(t.Context(), youth.FormPrincipal(f.org.ID, f.org.Path), f.org.ID, youth.Input{
			LastName: "Seitkali", FirstName: first, Birth: f.w.Clock.Now().AddDate(-20, 0, 0), RegionCode: "KZ-75",
			Settlement: youth.Urban, Status: youth.NEET, Field: "it", Language: "kk",
			Contact: youth.Contact{Telegram: "user_" + strings.ToLower(first)}, Channel: youth.Web, Guardian: youth.GuardianDetails{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 000 00 00"}})
		check(t, err)
		return r.ID
	}
	a, b := young("Aruzhan"), young("Dana")
	today := f.w.Clock.Now().Format(time.DateOnly)
	r := f.do(t, "POST", Prefix+"/activities", coord, map[string]any{"name": "Marketing course", "strand": "creative",
		"org_id": f.org.ID, "region_code": "KZ-75", "starts_on": today, "ends_on": "2030-01-01", "capacity": 1})
	if r.Code != http.StatusCreated {
		t.Fatalf("create: %d %s", r.Code, r.Body)
	}
	act := decodeAs[strands.Activity](t, r)
	path := Prefix + "/activities/" + itoa64(act.ID)
	if r := f.do(t, "POST", path+"/enrolments", coord, map[string]any{"youth_id": a}); r.Code != http.StatusCreated {
		t.Fatalf("enrol: %d %s", r.Code, r.Body)
	}
	for _, id := range []int64{a, b} {
		if r := f.do(t, "POST", path+"/enrolments", coord, map[string]any{"youth_id": id}); r.Code != http.StatusConflict {
			t.Errorf("enrol %d again or over capacity: %d %s", id, r.Code, r.Body)
		}
	}
	r = f.do(t, "POST", path+"/sessions", coord, map[string]any{"held_on": today, "topic": "Pricing", "leader": "Aliya"})
	if r.Code != http.StatusCreated {
		t.Fatalf("session: %d %s", r.Code, r.Body)
	}
	se := decodeAs[strands.Session](t, r)
	reg := Prefix + "/activity-sessions/" + itoa64(se.ID) + "/attendance"
	if r := f.do(t, "PUT", reg, coord, map[string]any{"marks": []map[string]any{{"youth_id": b, "present": true}}}); r.Code != http.StatusUnprocessableEntity {
		t.Errorf("a mark for someone not enrolled: %d %s", r.Code, r.Body)
	}
	if r := f.do(t, "PUT", reg, coord, map[string]any{"marks": []map[string]any{{"youth_id": a, "present": true}}}); r.Code != http.StatusNoContent {
		t.Errorf("register: %d %s", r.Code, r.Body)
	}
	out := Prefix + "/outcomes/" + itoa64(a)
	r = f.do(t, "PUT", out, coord, map[string]any{"outcome": "married", "outcome_on": today})
	if r.Code != http.StatusUnprocessableEntity || !strings.Contains(r.Body.String(), `"outcome"`) {
		t.Errorf("unknown outcome: %d %s", r.Code, r.Body)
	}
	if r := f.do(t, "PUT", out, coord, map[string]any{"outcome": "employed", "outcome_on": today}); r.Code != http.StatusOK {
		t.Fatalf("outcome: %d %s", r.Code, r.Body)
	}
	var before, after int
	check(t, f.db.R.QueryRow("SELECT count(*) FROM access_log WHERE subject_kind = 'youth' AND via = 'api'").Scan(&before))
	rec := decodeAs[outcomes.Record](t, f.do(t, "GET", out, coord, nil))
	check(t, f.db.R.QueryRow("SELECT count(*) FROM access_log WHERE subject_kind = 'youth' AND via = 'api'").Scan(&after))
	if rec.Current == nil || rec.Current.Code != outcomes.Employed || len(rec.Activities) != 1 || after != before+1 {
		t.Errorf("record %+v, access log %d then %d", rec, before, after)
	}
	cov := decodeAs[outcomes.Report](t, f.do(t, "GET", Prefix+"/coverage", coord, nil))
	if cov.Target != outcomes.DefaultTarget || cov.Total.Registered != 2 || cov.Total.Covered != 1 || cov.Total.Outcomes[outcomes.Employed] != 1 {
		t.Errorf("coverage: %+v", cov)
	}
	for _, p := range []string{Prefix + "/activities", path, Prefix + "/coverage", out} {
		if r := f.do(t, "GET", p, sponsor, nil); r.Code != http.StatusForbidden {
			t.Errorf("sponsor on %s: %d", p, r.Code)
		}
	}
}
