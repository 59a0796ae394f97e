package volunteering_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// scalar reads one number from the database.
func scalar(t *testing.T, f *webtest.Fixture, q string, args ...any) int64 {
	t.Helper()
	var n int64
	webtest.Check(t, f.DB.R.QueryRow(store.Rebind(f.DB.Engine, q), args...).Scan(&n))
	return n
}

// A coordinator records a need; a volunteer reading Jol in Russian signs
// up, is refused bad hours in Russian with nothing stored, logs good
// ones; the coordinator rejects without a reason (refused), then
// approves. A course is added and a child enrolled; its volunteer
// teacher sees the child by first name and last initial only.
func TestNeedsHoursAndCourses(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	coord := f.Login(t, f.Coord.Email)
	vol := f.User(t, "aigul@example.org", access.Volunteer, "ru")
	teacherLogin := f.User(t, "saule@example.org", access.Volunteer, "en")
	link := func(email, name string, skills ...aftercare.Skill) aftercare.Volunteer {
		u := webtest.Must(f.Svc.Accounts.LookupEmail(ctx, email))
		return webtest.Must(f.Svc.Aftercare.CreateVolunteer(ctx, access.System, aftercare.VolunteerInput{Name: name,
			Email: email, Skills: skills, RegionCode: "KZ-75", OrgID: f.Org.ID, UserID: u.ID, Active: true}))
	}
	link("aigul@example.org", "Aigul", aftercare.Distribution)
	teacher := link("saule@example.org", "Saule", aftercare.Teaching)

	res := coord.Post("/needs", url.Values{"title": {"Karaganda event"}, "role": {"distribution"},
		"place": {"Centre No. 3"}, "on_date": {"2026-09-05"}, "wanted": {"6"}, "region": {"KZ-75"},
		"org_id": {webtest.Itoa(f.Org.ID)}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("POST /needs = %d: %s", res.Status, res.Body)
	}
	need := scalar(t, f, "SELECT id FROM volunteer_needs")
	page := vol.Get("/my/volunteering")
	if page.Status != http.StatusOK || !strings.Contains(page.Body, "Karaganda event") {
		t.Fatalf("the volunteer's page = %d without the need", page.Status)
	}
	if res := vol.Post("/my/needs/"+webtest.Itoa(need)+"/signup", nil); res.Status != http.StatusSeeOther {
		t.Fatalf("sign-up = %d: %s", res.Status, res.Body)
	}
	// The need is changed on its form: never below the one signed up.
	if edit := coord.Get("/needs/" + webtest.Itoa(need) + "/edit"); edit.Status != http.StatusOK ||
		!strings.Contains(edit.Body, `value="Centre No. 3"`) {
		t.Fatalf("the need's form = %d: %s", edit.Status, edit.Body)
	}
	changeNeed := func(version, wanted string) webtest.Response {
		return coord.Post("/needs/"+webtest.Itoa(need), url.Values{"version": {version}, "title": {"Karaganda event"},
			"role": {"distribution"}, "place": {"Centre No. 5"}, "on_date": {"2026-09-05"}, "wanted": {wanted},
			"region": {"KZ-75"}, "org_id": {webtest.Itoa(f.Org.ID)}})
	}
	if res := changeNeed("2", "0"); res.Status != http.StatusUnprocessableEntity {
		t.Fatalf("a need below those signed up = %d", res.Status)
	}
	version := webtest.Itoa(scalar(t, f, "SELECT version FROM volunteer_needs WHERE id = $1", need))
	if res := changeNeed(version, "8"); res.Status != http.StatusSeeOther {
		t.Fatalf("saving the need = %d: %s", res.Status, res.Body)
	}
	if res := vol.Get("/needs/" + webtest.Itoa(need) + "/edit"); res.Status != http.StatusForbidden {
		t.Fatalf("a volunteer opened the need's form: %d", res.Status)
	}
	if !strings.Contains(vol.Get("/my/volunteering").Body, "Centre No. 5") {
		t.Fatal("the volunteer's page does not show the need's new place")
	}
	if res := vol.Post("/my/needs/"+webtest.Itoa(need)+"/signup", nil); res.Status != http.StatusConflict ||
		!strings.Contains(res.Body, "Вы уже записаны") {
		t.Fatalf("second sign-up = %d", res.Status)
	}
	for _, c := range []struct{ day, hours, want string }{
		{"2026-09-01", "0", "Укажите время в часах"},
		{"2026-09-02", "2", "Часы можно записать только за сегодня"},
		{"2026-09-01", "25", "В сутках 24 часа"},
	} {
		res := vol.Post("/my/hours", url.Values{"worked_on": {c.day}, "hours": {c.hours}})
		if res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Body, c.want) {
			t.Errorf("hours %s on %s = %d, want %q", c.hours, c.day, res.Status, c.want)
		}
	}
	if n := scalar(t, f, "SELECT count(*) FROM volunteer_hours"); n != 0 {
		t.Fatalf("refused hours stored %d rows", n)
	}
	res = vol.Post("/my/hours", url.Values{"worked_on": {"2026-09-01"}, "hours": {"2,5"},
		"purpose": {"need:" + webtest.Itoa(need)}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("good hours = %d: %s", res.Status, res.Body)
	}
	hours := scalar(t, f, "SELECT id FROM volunteer_hours")
	// Hours typed wrong are taken back while they wait, then logged again.
	if !strings.Contains(vol.Get("/my/volunteering").Body, "/my/hours/"+webtest.Itoa(hours)+"/withdraw") {
		t.Fatal("the volunteer's page offers no way to take back pending hours")
	}
	if res := vol.Post("/my/hours/"+webtest.Itoa(hours)+"/withdraw", url.Values{"version": {"1"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("taking back hours = %d: %s", res.Status, res.Body)
	}
	if n := scalar(t, f, "SELECT count(*) FROM volunteer_hours"); n != 0 {
		t.Fatalf("hours taken back left %d rows", n)
	}
	res = vol.Post("/my/hours", url.Values{"worked_on": {"2026-09-01"}, "hours": {"2,5"},
		"purpose": {"need:" + webtest.Itoa(need)}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("hours logged again = %d: %s", res.Status, res.Body)
	}
	hours = scalar(t, f, "SELECT id FROM volunteer_hours")
	if q := coord.Get("/hours"); !strings.Contains(q.Body, "Aigul") || !strings.Contains(q.Body, "2.5") {
		t.Fatalf("the queue lacks Aigul's 2.5 hours: %s", q.Body)
	}
	if res := coord.Post("/hours/"+webtest.Itoa(hours), url.Values{"version": {"1"}, "decision": {"reject"}}); res.Status != http.StatusUnprocessableEntity {
		t.Fatalf("a rejection without reason = %d", res.Status)
	}
	if res := coord.Post("/hours/"+webtest.Itoa(hours), url.Values{"version": {"1"}, "decision": {"approve"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("approval = %d: %s", res.Status, res.Body)
	}
	if st := scalar(t, f, "SELECT count(*) FROM volunteer_hours WHERE status = 'approved' AND minutes = 150"); st != 1 {
		t.Fatal("the hours are not approved")
	}
	if res := vol.Post("/my/hours/"+webtest.Itoa(hours)+"/withdraw", url.Values{"version": {"2"}}); res.Status != http.StatusConflict ||
		!strings.Contains(res.Body, "Эти часы уже рассмотрены") {
		t.Fatalf("taking back approved hours = %d", res.Status)
	}

	kid := f.Child(t, "Serikova", "Aru", webtest.Day(2017, 3, 1), "")
	res = coord.Post("/courses", url.Values{"title": {"Летняя математика"}, "lang": {"ru"}, "subject": {"math"},
		"grade_min": {"1"}, "grade_max": {"4"}, "starts_on": {"2026-08-01"}, "ends_on": {"2026-08-28"},
		"capacity": {"1"}, "region": {"KZ-75"}, "org_id": {webtest.Itoa(f.Org.ID)}, "teachers": {webtest.Itoa(teacher.ID)}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("POST /courses = %d: %s", res.Status, res.Body)
	}
	course := webtest.Itoa(scalar(t, f, "SELECT id FROM courses"))
	if res := coord.Post("/courses/"+course+"/enrol", url.Values{"person_id": {webtest.Itoa(kid.ID)}}); res.Status != http.StatusSeeOther {
		t.Fatalf("enrol = %d: %s", res.Status, res.Body)
	}
	other := f.Child(t, "Nurlanov", "Timur", webtest.Day(2017, 3, 1), "")
	if res := coord.Post("/courses/"+course+"/enrol", url.Values{"person_id": {webtest.Itoa(other.ID)}}); res.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(res.Body, "places of this course are taken") {
		t.Fatalf("enrolment over the places = %d", res.Status)
	}
	// Taking Aru off frees the place for Timur; taking him off gives it
	// back to her (the teacher's view below reads her).
	aru := webtest.Itoa(scalar(t, f, "SELECT id FROM course_enrolments WHERE person_id = $1", kid.ID))
	if !strings.Contains(coord.Get("/courses/"+course).Body, "/enrolments/"+aru+"/unenrol") {
		t.Fatal("the course page offers no way to take a child off")
	}
	if res := teacherLogin.Post("/courses/"+course+"/enrolments/"+aru+"/unenrol", nil); res.Status != http.StatusForbidden {
		t.Fatalf("a teacher taking a child off = %d", res.Status)
	}
	if res := coord.Post("/courses/"+course+"/enrolments/"+aru+"/unenrol", nil); res.Status != http.StatusSeeOther {
		t.Fatalf("unenrol = %d: %s", res.Status, res.Body)
	}
	if res := coord.Post("/courses/"+course+"/enrol", url.Values{"person_id": {webtest.Itoa(other.ID)}}); res.Status != http.StatusSeeOther {
		t.Fatalf("enrol after a place was freed = %d: %s", res.Status, res.Body)
	}
	timur := webtest.Itoa(scalar(t, f, "SELECT id FROM course_enrolments WHERE person_id = $1", other.ID))
	if res := coord.Post("/courses/"+course+"/enrolments/"+timur+"/unenrol", nil); res.Status != http.StatusSeeOther {
		t.Fatalf("unenrol Timur = %d", res.Status)
	}
	if res := coord.Post("/courses/"+course+"/enrol", url.Values{"person_id": {webtest.Itoa(kid.ID)}}); res.Status != http.StatusSeeOther {
		t.Fatalf("Aru enrolled again = %d: %s", res.Status, res.Body)
	}
	// The course is changed on its form: the places cannot go below the
	// child enrolled, a stale form is refused, and a good one saves.
	edit := coord.Get("/courses/" + course + "/edit")
	if edit.Status != http.StatusOK || !strings.Contains(edit.Body, `value="Летняя математика"`) ||
		!strings.Contains(edit.Body, `name="version" value="1"`) {
		t.Fatalf("the course's form = %d: %s", edit.Status, edit.Body)
	}
	change := func(version, capacity, place string) webtest.Response {
		return coord.Post("/courses/"+course, url.Values{"version": {version}, "title": {"Летняя математика"},
			"lang": {"ru"}, "subject": {"math"}, "grade_min": {"1"}, "grade_max": {"4"}, "starts_on": {"2026-08-01"},
			"ends_on": {"2026-08-28"}, "capacity": {capacity}, "place": {place}, "region": {"KZ-75"},
			"org_id": {webtest.Itoa(f.Org.ID)}, "teachers": {webtest.Itoa(teacher.ID)}})
	}
	if res := change("1", "0", ""); res.Status != http.StatusUnprocessableEntity {
		t.Fatalf("a course with no place = %d", res.Status)
	}
	if res := change("1", "3", "Школа № 7"); res.Status != http.StatusSeeOther {
		t.Fatalf("saving the course = %d: %s", res.Status, res.Body)
	}
	if res := change("1", "4", ""); res.Status == http.StatusSeeOther {
		t.Fatal("a stale form of the course was saved")
	}
	if n := scalar(t, f, "SELECT capacity FROM courses WHERE id = $1", course); n != 3 {
		t.Fatalf("the course has %d places, want 3", n)
	}
	if res := teacherLogin.Get("/courses/" + course + "/edit"); res.Status != http.StatusForbidden {
		t.Fatalf("a teacher opened the course's form: %d", res.Status)
	}
	mine := teacherLogin.Get("/my/courses/" + course)
	if mine.Status != http.StatusOK || !strings.Contains(mine.Body, "Aru S.") || strings.Contains(mine.Body, "Serikova") {
		t.Fatalf("the teacher's course page = %d: %s", mine.Status, mine.Body)
	}
	if res := vol.Get("/my/courses/" + course); res.Status != http.StatusNotFound {
		t.Fatalf("a volunteer who does not teach the course = %d", res.Status)
	}
	sponsor := f.User(t, "sponsor@example.org", access.Sponsor, "en")
	if res := sponsor.Get("/courses/" + course); res.Status != http.StatusForbidden {
		t.Fatalf("a sponsor opened the course: %d", res.Status)
	}
}
