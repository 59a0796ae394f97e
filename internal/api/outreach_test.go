package api

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/charities"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

// charityToken registers, through the API, a charity of its own
// organisation covering domain in KZ-75, and returns it with a token of
// one of its staff.
func (f *fixture) charityToken(t *testing.T, name string, domain charities.Domain) (charities.Charity, string) {
	t.Helper()
	org := f.w.Org(t, orgs.Input{Name: name, Type: orgs.Charity, RegionCode: "KZ-75"})
	res := f.do(t, "POST", "/api/v1/charities", f.token[access.Coordinator], map[string]any{"name": name,
		"org_id": org.ID, "capacity": 3, "domains": []charities.Domain{domain}, "regions": []string{"KZ-75"}})
	if res.Code != http.StatusCreated {
		t.Fatalf("POST /charities = %d %s", res.Code, res.Body)
	}
	staff := f.user(t, accounts.NewUser{Email: name + "@example.org", Name: name + " staff", Role: access.Charity,
		OrgID: org.ID})
	return decodeAs[charities.Charity](t, res), f.newToken(t, staff)
}

// A case through the API: the run's flags, the worker's queue and the
// steps (a stale version refused), a referral the charity reads with only
// what was shared and accepts, enrolment and the first check, the funnel
// and the deadlines. Nobody else reads the case or the referral: a worker
// of another district and another charity are told it is not there, a
// sponsor and a charity are refused the case outright.
func TestACaseThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		w := f.w
		coord, worker := f.token[access.Coordinator], f.token[access.Outreach]
		aru := w.Person(t, w.Child("Nurlanova", "Aru", testworld.Day(2015, 5, 1)))
		res := f.do(t, "POST", "/api/v1/outreach/flags", coord, map[string]any{"children": []map[string]any{
			{"person_id": aru.ID, "category": "dropped_out", "visibility": "semi_invisible", "confidence": 0.92,
				"why": "in the civil register, in no school's list", "org_id": w.Centre.ID, "school_id": w.School.ID},
			{"person_id": aru.ID, "category": "dropped_out", "visibility": "visible", "confidence": 2},
		}})
		flags := decodeAs[flagResult](t, res)
		if res.Code != http.StatusOK || flags.Created != 1 || len(flags.Refused) != 1 || flags.Refused[0].Index != 1 ||
			flags.Refused[0].Message == "" {
			t.Fatalf("flags = %d %s", res.Code, res.Body)
		}
		queue := decodeAs[list[outreach.Case]](t, f.do(t, "GET", "/api/v1/outreach/cases", worker, nil))
		if len(queue.Items) != 1 || queue.Items[0].PersonID != aru.ID || queue.Items[0].Step != outreach.Identified {
			t.Fatalf("queue %+v", queue)
		}
		id := queue.Items[0].ID
		path := fmt.Sprintf("/api/v1/outreach/cases/%d", id)

		astana := f.newToken(t, f.user(t, accounts.NewUser{Email: "astana@example.org", Name: "Astana worker",
			Role: access.Outreach, OrgID: w.Centre.ID, Region: "KZ-71"}))
		health, staff := f.charityToken(t, "Shipa", charities.Health)
		devices, other := f.charityToken(t, "Tech", charities.Devices)
		for name, tc := range map[string]struct {
			token string
			want  int
		}{"a worker in Astana": {astana, 404}, "a sponsor": {f.token[access.Sponsor], 403}, "a charity": {staff, 403}} {
			if res := f.do(t, "GET", path, tc.token, nil); res.Code != tc.want {
				t.Errorf("%s reads the case: %d %s", name, res.Code, res.Body)
			}
			if res := f.do(t, "POST", path+"/contact", tc.token, map[string]any{"version": 1, "mode": "call",
				"reason": "work"}); res.Code != tc.want {
				t.Errorf("%s works the case: %d %s", name, res.Code, res.Body)
			}
		}

		step := func(action string, body map[string]any, want int) *outreach.Case {
			t.Helper()
			method := "POST"
			if action == "consent" || action == "assignee" {
				method = "PUT"
			}
			res := f.do(t, method, path+"/"+action, worker, body)
			if res.Code != want {
				t.Fatalf("%s %v = %d %s", action, body, res.Code, res.Body)
			}
			c := decodeAs[outreach.Case](t, res)
			return &c
		}
		c := step("contact", map[string]any{"version": 1, "mode": "visit", "reason": "health"}, 200)
		step("contact", map[string]any{"version": 1, "mode": "visit", "reason": "health"}, 409)
		c = step("needs", map[string]any{"version": c.Version, "needs": []map[string]any{{"need": "health",
			"note": "an inhaler"}, {"need": "device"}}}, 200)
		c = step("consent", map[string]any{"version": c.Version, "shared": []string{"name", "need_note"}}, 200)
		res = f.do(t, "POST", path+"/referrals", worker, map[string]any{"version": c.Version, "need": "health",
			"charity_id": devices.ID})
		if res.Code != http.StatusUnprocessableEntity {
			t.Fatalf("a referral to a charity that does not cover the need = %d %s", res.Code, res.Body)
		}
		res = f.do(t, "POST", path+"/referrals", worker, map[string]any{"version": c.Version, "need": "health",
			"charity_id": health.ID})
		ref := decodeAs[outreach.Referral](t, res)
		if res.Code != http.StatusCreated || ref.Status != outreach.Sent {
			t.Fatalf("referral = %d %s", res.Code, res.Body)
		}

		// The charity reads its referral with only what was shared;
		// another charity is told it is not there.
		inbox := decodeAs[list[outreach.Card]](t, f.do(t, "GET", "/api/v1/referrals", staff, nil))
		if len(inbox.Items) != 1 || inbox.Items[0].Name != "Nurlanova Aru" || inbox.Items[0].NeedNote != "an inhaler" ||
			inbox.Items[0].Reason != "" || !inbox.Items[0].BirthDate.IsZero() {
			t.Fatalf("inbox %+v", inbox)
		}
		refPath := fmt.Sprintf("/api/v1/referrals/%d", ref.ID)
		if res := f.do(t, "GET", refPath, other, nil); res.Code != http.StatusNotFound {
			t.Fatalf("another charity reads the referral: %d %s", res.Code, res.Body)
		}
		if res := f.do(t, "POST", refPath+"/answer", other, map[string]any{"accept": true}); res.Code != http.StatusNotFound {
			t.Fatalf("another charity answers the referral: %d %s", res.Code, res.Body)
		}
		if got := decodeAs[list[outreach.Card]](t, f.do(t, "GET", "/api/v1/referrals", other, nil)); len(got.Items) != 0 {
			t.Fatalf("another charity's inbox %+v", got)
		}
		res = f.do(t, "POST", refPath+"/answer", staff, map[string]any{"version": ref.Version, "accept": true})
		if a := decodeAs[outreach.Referral](t, res); res.Code != http.StatusOK || a.Status != outreach.Accepted {
			t.Fatalf("accept = %d %s", res.Code, res.Body)
		}

		v := decodeAs[outreach.View](t, f.do(t, "GET", path, worker, nil))
		if len(v.Referrals) != 1 || v.Referrals[0].Status != outreach.Accepted || len(v.Needs) != 2 {
			t.Fatalf("case %+v", v)
		}
		c = step("enrolment", map[string]any{"version": v.Version, "school_id": w.School.ID}, 200)
		c = step("checks", map[string]any{"version": c.Version, "attending": true}, 200)
		if c.Step != outreach.Enrolled || c.ChecksDone != 1 || c.NextCheck() != 3 {
			t.Fatalf("after the first check %+v", c)
		}
		fn := decodeAs[funnel](t, f.do(t, "GET", "/api/v1/outreach/funnel?by=reason", worker, nil))
		if fn.By != "reason" || len(fn.Stages) != 1 || fn.Stages[0].Key != "health" || fn.Stages[0].Enrolled != 1 {
			t.Fatalf("funnel %+v", fn)
		}

		// The deadlines: coordinators set them, workers read them.
		if res := f.do(t, "PUT", "/api/v1/outreach/deadlines", worker, map[string]any{"identified": 3}); res.Code != 403 {
			t.Fatalf("a worker sets the deadlines: %d", res.Code)
		}
		if res := f.do(t, "PUT", "/api/v1/outreach/deadlines", coord, map[string]any{"identified": 0}); res.Code != 422 {
			t.Fatalf("0 days: %d %s", res.Code, res.Body)
		}
		f.do(t, "PUT", "/api/v1/outreach/deadlines", coord, map[string]any{"identified": 3})
		if ds := decodeAs[deadlines](t, f.do(t, "GET", "/api/v1/outreach/deadlines", worker, nil)); ds[outreach.Identified] != 3 ||
			ds[outreach.Contacted] != 14 {
			t.Fatalf("deadlines %v", ds)
		}
	})
}

// The charities through the API: a coordinator changes one against its
// version; a stale version is refused; workers read the list by domain;
// a sponsor reads none.
func TestCharitiesThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		health, _ := f.charityToken(t, "Shipa", charities.Health)
		f.charityToken(t, "Tech", charities.Devices)
		coord := f.token[access.Coordinator]
		path := fmt.Sprintf("/api/v1/charities/%d", health.ID)
		body := map[string]any{"version": health.Version, "name": "Shipa clinic", "capacity": 10,
			"domains": []string{"health", "special_illness"}, "regions": []string{"KZ-75", "KZ-71"}}
		res := f.do(t, "PUT", path, coord, body)
		if c := decodeAs[charities.Charity](t, res); res.Code != 200 || c.Name != "Shipa clinic" || len(c.Regions) != 2 ||
			c.Version != health.Version+1 {
			t.Fatalf("update = %d %s", res.Code, res.Body)
		}
		if res := f.do(t, "PUT", path, coord, body); res.Code != http.StatusConflict {
			t.Fatalf("a stale version = %d %s", res.Code, res.Body)
		}
		got := decodeAs[list[charities.Charity]](t, f.do(t, "GET", "/api/v1/charities?domain=devices", f.token[access.Outreach], nil))
		if len(got.Items) != 1 || got.Items[0].Name != "Tech" {
			t.Fatalf("charities covering devices %+v", got)
		}
		if res := f.do(t, "GET", "/api/v1/charities", f.token[access.Sponsor], nil); res.Code != http.StatusForbidden {
			t.Fatalf("a sponsor's list = %d", res.Code)
		}
	})
}
