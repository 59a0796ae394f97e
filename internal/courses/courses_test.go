package courses_test

import (
	"errors"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/courses"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/volunteers"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// course makes a summer maths course of the Foundation in Almaty with
// capacity places, taught by a new volunteer with a login, returned as a
// principal.
func course(t *testing.T, w *testworld.World, capacity int) (courses.Course, aftercare.Volunteer, access.Principal) {
	t.Helper()
	u := w.User(t, accounts.NewUser{Email: "teacher@example.org", Name: "Teacher", Role: access.Volunteer,
		OrgID: w.Foundation.ID})
	coord := w.Principal(access.Coordinator)
	v, err := w.Services.Aftercare.CreateVolunteer(t.Context(), coord, aftercare.VolunteerInput{Name: "Saule Teacher",
		Email: "saule@example.org", Skills: []aftercare.Skill{aftercare.Teaching}, Subjects: []string{"math"},
		RegionCode: "KZ-75", OrgID: w.Foundation.ID, UserID: u.ID, Active: true})
	must(t, err)
	c, err := w.Services.Courses.Create(t.Context(), coord, courses.Input{Title: "Summer maths", Lang: "ru",
		Subject: "math", GradeMin: 2, GradeMax: 5, Place: "School No. 1", StartsOn: testworld.Day(2026, 8, 1),
		EndsOn: testworld.Day(2026, 8, 28), Capacity: capacity, RegionCode: "KZ-75", OrgID: w.Foundation.ID,
		Teachers: []int64{v.ID}})
	must(t, err)
	return c, v, u.Principal()
}

func TestEnrolmentAttendanceAndWhatATeacherSees(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Courses
		coord := w.Principal(access.Coordinator)
		c, teacher, tp := course(t, w, 2)
		kid := func(last, first string, grade int) people.Person {
			in := w.Child(last, first, testworld.Day(2017, 5, 1))
			in.Grade = grade
			return w.Person(t, in)
		}
		aru, berik, cyrus, big := kid("Nurlanova", "Aru", 3), kid("Sadykov", "Berik", 4), kid("Ahmadi", "Cyrus", 2),
			kid("Old", "Timur", 9)

		e1, err := s.Enrol(ctx, coord, c.ID, courses.EnrolInput{PersonID: aru.ID})
		must(t, err)
		_, err = s.Enrol(ctx, coord, c.ID, courses.EnrolInput{PersonID: aru.ID})
		wantKey(t, err, "error.course_enrolled_already")
		_, err = s.Enrol(ctx, coord, c.ID, courses.EnrolInput{PersonID: big.ID})
		wantKey(t, err, "error.course_grade_outside")
		_, err = s.Enrol(ctx, coord, c.ID, courses.EnrolInput{PersonID: berik.ID})
		must(t, err)
		_, err = s.Enrol(ctx, coord, c.ID, courses.EnrolInput{PersonID: cyrus.ID})
		wantKey(t, err, "error.course_full")
		_, err = s.Enrol(ctx, tp, c.ID, courses.EnrolInput{PersonID: cyrus.ID})
		wantKey(t, err, "error.forbidden")
		_, err = s.Update(ctx, coord, c.ID, c.Version, courses.Input{Title: c.Title, Lang: "ru", Subject: "math",
			GradeMin: 2, GradeMax: 5, StartsOn: c.StartsOn, EndsOn: c.EndsOn, Capacity: 1, RegionCode: "KZ-75",
			OrgID: w.Foundation.ID, Teachers: []int64{teacher.ID}})
		wantKey(t, err, "error.course_below_enrolled")
		if n := scalar(t, w, "SELECT enrolled FROM courses WHERE id = $1", c.ID); n != 2 {
			t.Fatalf("enrolled %d, want 2", n)
		}

		// The teacher sees their course and its children by first name and
		// initial, and each child shown is in the access log.
		taught, err := s.Taught(ctx, tp)
		must(t, err)
		if len(taught) != 1 || taught[0].ID != c.ID {
			t.Fatalf("taught %+v", taught)
		}
		before := scalar(t, w, "SELECT count(*) FROM access_log")
		roster, err := s.Roster(ctx, tp, c.ID, "web")
		must(t, err)
		if len(roster) != 2 || roster[0].Name != "Aru N." || roster[0].PersonID != 0 || roster[0].Grade != 3 {
			t.Fatalf("teacher's roster %+v", roster)
		}
		if n := scalar(t, w, "SELECT count(*) FROM access_log") - before; n != 2 {
			t.Fatalf("%d access-log entries for a roster of 2", n)
		}
		full, err := s.Roster(ctx, coord, c.ID, "web")
		must(t, err)
		if full[0].Name != "Nurlanova Aru" || full[0].PersonID != aru.ID {
			t.Fatalf("coordinator's roster %+v", full)
		}
		for _, r := range []access.Role{access.Sponsor, access.Volunteer, access.Warehouse} {
			if _, err := s.Roster(ctx, w.Principal(r), c.ID, "web"); err == nil {
				t.Errorf("%s read the children of the course", r)
			}
		}
		if _, err := s.Course(ctx, w.Stranger.Principal(), c.ID); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("Tehran's coordinator read the course: %v", err)
		}

		// Sessions within the course's dates; attendance for enrolled
		// children of a session held.
		_, err = s.AddSession(ctx, tp, c.ID, testworld.Day(2026, 9, 3), "")
		wantKey(t, err, "error.session_outside_course")
		se, err := s.AddSession(ctx, tp, c.ID, testworld.Day(2026, 8, 3), "Fractions")
		must(t, err)
		stranger, err := s.Enrol(ctx, coord, mustCourse(t, w, coord).ID, courses.EnrolInput{PersonID: cyrus.ID})
		must(t, err)
		_, err = s.RecordAttendance(ctx, tp, se.ID, []courses.Mark{{EnrolmentID: e1.ID, Present: true},
			{EnrolmentID: stranger.ID, Present: true}})
		wantKey(t, err, "error.attendance_not_enrolled")
		if n := scalar(t, w, "SELECT count(*) FROM course_attendance"); n != 0 {
			t.Fatalf("a refused register left %d marks", n)
		}
		got, err := s.RecordAttendance(ctx, tp, se.ID, []courses.Mark{{EnrolmentID: e1.ID, Present: true},
			{EnrolmentID: roster[1].EnrolmentID, Present: false}})
		must(t, err)
		if got.Present != 1 || got.Marked != 2 {
			t.Fatalf("session %+v, want 1 of 2 present", got)
		}
		marks, err := s.Attendance(ctx, tp, se.ID, "web")
		must(t, err)
		if len(marks) != 2 || !marks[0].Present || marks[1].Present || !marks[1].Marked {
			t.Fatalf("marks %+v", marks)
		}
		err = s.Unenrol(ctx, coord, c.ID, e1.ID)
		wantKey(t, err, "error.course_attended")

		// The teacher logs hours for the course; they count for it.
		h, err := w.Services.Volunteers.LogHours(ctx, tp, volunteers.HoursInput{WorkedOn: testworld.Day(2026, 8, 3),
			Minutes: 120, CourseID: c.ID})
		must(t, err)
		if h.CourseTitle != "Summer maths" {
			t.Fatalf("hours %+v", h)
		}
	})
}

// mustCourse makes another course of the Foundation with no teacher.
func mustCourse(t *testing.T, w *testworld.World, coord access.Principal) courses.Course {
	t.Helper()
	c, err := w.Services.Courses.Create(t.Context(), coord, courses.Input{Title: "Art", Lang: "kk", Subject: "art",
		GradeMin: 1, GradeMax: 11, StartsOn: testworld.Day(2026, 8, 1), EndsOn: testworld.Day(2026, 8, 20), Capacity: 10,
		RegionCode: "KZ-75", OrgID: w.Foundation.ID})
	must(t, err)
	return c
}

// TestParallelEnrolmentFillsACourseExactly enrols 100 children at once
// on a course of 6 places: exactly 6 are enrolled.
func TestParallelEnrolmentFillsACourseExactly(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		const children, places = 100, 6
		c, _, _ := course(t, w, places)
		kids := make([]int64, children)
		for i := range kids {
			kids[i] = w.Person(t, w.Child("Child", "N"+strings.Repeat("a", i%5)+string(rune('a'+i%26)),
				testworld.Day(2017, 1, 1))).ID
		}
		coord := w.Principal(access.Coordinator)
		start := make(chan struct{})
		errsOf := make([]error, children)
		var wg sync.WaitGroup
		for i, id := range kids {
			wg.Go(func() {
				<-start
				_, errsOf[i] = w.Services.Courses.Enrol(t.Context(), coord, c.ID, courses.EnrolInput{PersonID: id})
			})
		}
		close(start)
		wg.Wait()
		ok := 0
		for _, err := range errsOf {
			if err == nil {
				ok++
				continue
			}
			wantKey(t, err, "error.course_full")
		}
		if ok != places {
			t.Fatalf("%d enrolled, want %d", ok, places)
		}
		if n := scalar(t, w, "SELECT count(*) FROM course_enrolments WHERE course_id = $1", c.ID); n != places {
			t.Fatalf("%d enrolments stored, want %d", n, places)
		}
	})
}

func wantKey(t *testing.T, err error, key string) {
	t.Helper()
	e := errs.As(err)
	if e == nil {
		t.Fatalf("got %v, want %s", err, key)
	}
	if e.Key == key {
		return
	}
	for _, fe := range e.Fields {
		if fe.Key == key {
			return
		}
	}
	t.Fatalf("got %v, want %s", err, key)
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func scalar(t testing.TB, w *testworld.World, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := w.DB.R.QueryRowContext(t.Context(), store.Rebind(w.DB.Engine, query), args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}
