package api

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/courses"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// A course through the API: the coordinator adds it and enrols two
// children; its teacher reads them by first name and initial, adds a
// session and marks it through their own routes; a child with a mark
// stays on the course, the other is taken off, freeing the place.
func TestCourseTaughtThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		w := f.w
		teacher := must(f.svc.Aftercare.CreateVolunteer(t.Context(), access.System, aftercare.VolunteerInput{
			Name: "Saule", Email: "saule@example.org", Skills: []aftercare.Skill{aftercare.Teaching},
			Subjects: []string{"math"}, RegionCode: "KZ-75", OrgID: w.Foundation.ID,
			UserID: w.Users[access.Volunteer].ID, Active: true}))
		coord, vol := f.token[access.Coordinator], f.token[access.Volunteer]
		res := f.do(t, "POST", "/api/v1/courses", coord, map[string]any{"title": "Summer maths", "lang": "en",
			"subject": "math", "grade_min": 1, "grade_max": 11, "starts_on": "2026-08-01", "ends_on": "2026-08-28",
			"capacity": 2, "region_code": "KZ-75", "org_id": w.Foundation.ID, "teachers": []int64{teacher.ID}})
		if res.Code != http.StatusCreated {
			t.Fatalf("POST /courses = %d %s", res.Code, res.Body)
		}
		c := decodeAs[courses.Course](t, res)
		change := map[string]any{"version": c.Version, "title": "Summer maths", "lang": "en", "subject": "math",
			"grade_min": 1, "grade_max": 11, "starts_on": "2026-08-01", "ends_on": "2026-08-28", "capacity": 3,
			"place": "School No. 7", "region_code": "KZ-75", "org_id": w.Foundation.ID, "teachers": []int64{teacher.ID}}
		if res := f.do(t, "PUT", fmt.Sprintf("/api/v1/courses/%d", c.ID), coord, change); res.Code != http.StatusOK ||
			decodeAs[courses.Course](t, res).Capacity != 3 {
			t.Fatalf("PUT /courses/{id} = %d %s", res.Code, res.Body)
		}
		if res := f.do(t, "PUT", fmt.Sprintf("/api/v1/courses/%d", c.ID), coord, change); res.Code != http.StatusConflict {
			t.Fatalf("a stale change of the course = %d %s", res.Code, res.Body)
		}
		if res := f.do(t, "PUT", fmt.Sprintf("/api/v1/courses/%d", c.ID), vol, change); res.Code != http.StatusForbidden {
			t.Fatalf("a teacher changing the course = %d %s", res.Code, res.Body)
		}
		aru := w.Person(t, w.Child("Serikova", "Aru", w.Clock.Now().AddDate(-9, 0, 0)))
		timur := w.Person(t, w.Child("Nurlanov", "Timur", w.Clock.Now().AddDate(-9, 0, 0)))
		for _, id := range []int64{aru.ID, timur.ID} {
			if res := f.do(t, "POST", fmt.Sprintf("/api/v1/courses/%d/enrolments", c.ID), coord,
				map[string]any{"person_id": id}); res.Code != http.StatusCreated {
				t.Fatalf("enrol %d = %d %s", id, res.Code, res.Body)
			}
		}

		roster := f.do(t, "GET", fmt.Sprintf("/api/v1/my/courses/%d/roster", c.ID), vol, nil)
		body := roster.Body.String()
		if roster.Code != http.StatusOK || !strings.Contains(body, "Aru S.") || strings.Contains(body, "Serikova") {
			t.Fatalf("the teacher's roster = %d %s", roster.Code, body)
		}
		pupils := decodeAs[struct {
			Items []courses.Pupil `json:"items"`
		}](t, f.do(t, "GET", fmt.Sprintf("/api/v1/courses/%d/roster", c.ID), coord, nil)).Items
		if len(pupils) != 2 {
			t.Fatalf("roster of %d", len(pupils))
		}
		byName := map[string]int64{}
		for _, p := range pupils {
			byName[p.Name] = p.EnrolmentID
		}
		res = f.do(t, "POST", fmt.Sprintf("/api/v1/my/courses/%d/sessions", c.ID), vol,
			map[string]any{"held_on": "2026-08-03", "topic": "Fractions"})
		if res.Code != http.StatusCreated {
			t.Fatalf("the teacher's session = %d %s", res.Code, res.Body)
		}
		se := decodeAs[courses.Session](t, res)
		res = f.do(t, "PUT", fmt.Sprintf("/api/v1/my/sessions/%d/attendance", se.ID), vol, map[string]any{"marks": []map[string]any{
			{"enrolment_id": byName["Serikova Aru"], "present": true}}})
		if res.Code != http.StatusOK || decodeAs[courses.Session](t, res).Present != 1 {
			t.Fatalf("the teacher's marks = %d %s", res.Code, res.Body)
		}

		unenrol := func(token string, e int64) int {
			return f.do(t, "DELETE", fmt.Sprintf("/api/v1/courses/%d/enrolments/%d", c.ID, e), token, nil).Code
		}
		if code := unenrol(vol, byName["Nurlanov Timur"]); code != http.StatusForbidden {
			t.Fatalf("a teacher taking a child off = %d", code)
		}
		if code := unenrol(coord, byName["Serikova Aru"]); code != http.StatusConflict {
			t.Fatalf("taking off a child with a mark = %d", code)
		}
		if code := unenrol(coord, byName["Nurlanov Timur"]); code != http.StatusNoContent {
			t.Fatalf("unenrol = %d", code)
		}
		if code := unenrol(coord, byName["Nurlanov Timur"]); code != http.StatusNotFound {
			t.Fatalf("a second unenrol = %d", code)
		}
		if got := must(f.svc.Courses.Course(t.Context(), access.System, c.ID)); got.Enrolled != 1 {
			t.Fatalf("%d places taken after the unenrol, want 1", got.Enrolled)
		}
	})
}
