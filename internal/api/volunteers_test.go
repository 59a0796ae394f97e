package api

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/volunteers"
)

// A need and hours through the API: the coordinator records a need, the
// volunteer signs up and logs hours (bad ones refused, nothing stored),
// the coordinator approves, and the totals count them; a sponsor reads
// no course.
func TestNeedsAndHoursThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		w := f.w
		must(f.svc.Aftercare.CreateVolunteer(t.Context(), access.System, aftercare.VolunteerInput{Name: "Aigul",
			Email: "aigul@example.org", RegionCode: "KZ-75", OrgID: w.Foundation.ID,
			UserID: w.Users[access.Volunteer].ID, Active: true}))
		coord, vol := f.token[access.Coordinator], f.token[access.Volunteer]
		res := f.do(t, "POST", "/api/v1/needs", coord, map[string]any{"role": "distribution", "title": "Karaganda event",
			"on_date": "2026-09-05", "wanted": 6, "region_code": "KZ-75", "org_id": w.Foundation.ID})
		if res.Code != http.StatusCreated {
			t.Fatalf("POST /needs = %d %s", res.Code, res.Body)
		}
		need := decodeAs[volunteers.Need](t, res)
		res = f.do(t, "PUT", fmt.Sprintf("/api/v1/needs/%d", need.ID), coord, map[string]any{"version": need.Version,
			"role": "distribution", "title": "Karaganda event", "on_date": "2026-09-05", "wanted": 8,
			"region_code": "KZ-75", "org_id": w.Foundation.ID})
		if res.Code != http.StatusOK || decodeAs[volunteers.Need](t, res).Wanted != 8 {
			t.Fatalf("PUT /needs/{id} = %d %s", res.Code, res.Body)
		}
		need = decodeAs[volunteers.Need](t, f.do(t, "GET", fmt.Sprintf("/api/v1/needs/%d", need.ID), coord, nil))
		if res := f.do(t, "POST", fmt.Sprintf("/api/v1/my/needs/%d/signup", need.ID), vol, nil); res.Code != http.StatusOK {
			t.Fatalf("sign-up = %d %s", res.Code, res.Body)
		}
		for _, bad := range []map[string]any{{"worked_on": "2026-09-01", "minutes": 0},
			{"worked_on": "2026-09-02", "minutes": 60}, {"worked_on": "2026-09-01", "minutes": 1500}} {
			if res := f.do(t, "POST", "/api/v1/my/hours", vol, bad); res.Code != http.StatusUnprocessableEntity {
				t.Errorf("hours %v = %d %s", bad, res.Code, res.Body)
			}
		}
		res = f.do(t, "POST", "/api/v1/my/hours", vol, map[string]any{"worked_on": "2026-09-01", "minutes": 150,
			"need_id": need.ID})
		if res.Code != http.StatusCreated {
			t.Fatalf("hours = %d %s", res.Code, res.Body)
		}
		h := decodeAs[volunteers.Hours](t, res)
		// Hours taken back while pending are gone; logged again, they wait anew.
		if res := f.do(t, "POST", fmt.Sprintf("/api/v1/my/hours/%d/withdraw", h.ID), coord,
			map[string]any{"version": h.Version}); res.Code != http.StatusForbidden {
			t.Fatalf("a coordinator taking back a volunteer's hours = %d %s", res.Code, res.Body)
		}
		if res := f.do(t, "POST", fmt.Sprintf("/api/v1/my/hours/%d/withdraw", h.ID), vol,
			map[string]any{"version": h.Version}); res.Code != http.StatusNoContent {
			t.Fatalf("withdraw = %d %s", res.Code, res.Body)
		}
		if res := f.do(t, "POST", fmt.Sprintf("/api/v1/my/hours/%d/withdraw", h.ID), vol,
			map[string]any{"version": h.Version}); res.Code != http.StatusNotFound {
			t.Fatalf("a second withdrawal = %d %s", res.Code, res.Body)
		}
		h = decodeAs[volunteers.Hours](t, f.do(t, "POST", "/api/v1/my/hours", vol,
			map[string]any{"worked_on": "2026-09-01", "minutes": 150, "need_id": need.ID}))
		if res := f.do(t, "POST", fmt.Sprintf("/api/v1/hours/%d/decision", h.ID), coord,
			map[string]any{"version": h.Version, "approve": true}); res.Code != http.StatusOK {
			t.Fatalf("decision = %d %s", res.Code, res.Body)
		}
		tot := decodeAs[hoursTotals](t, f.do(t, "GET", "/api/v1/hours/totals", coord, nil))
		if tot.Totals.Minutes != 150 || len(tot.Volunteers) != 1 || tot.Volunteers[0].Needs != 1 {
			t.Fatalf("totals %+v", tot)
		}
		if res := f.do(t, "GET", "/api/v1/courses", f.token[access.Sponsor], nil); res.Code != http.StatusForbidden ||
			!strings.Contains(res.Body.String(), "forbidden") {
			t.Fatalf("a sponsor's courses = %d %s", res.Code, res.Body)
		}
	})
}
