package courses_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/courses"
	"github.com/jolproject/jol/internal/testworld"
)

// Two records of one child, each enrolled on a course of their own and
// both on a third: the merge gives the record kept all three courses and
// the shared course's place back, and its undo puts everything back.
func TestMergeMovesEnrolmentsAndUndoRestores(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s, people := t.Context(), w.Services.Courses, w.Services.People
		coord, admin := w.Principal(access.Coordinator), w.Principal(access.Admin)
		maths, _, _ := course(t, w, 5)
		art, drawing := mustCourse(t, w, coord), mustCourse(t, w, coord)
		keep := w.Person(t, w.Child("Nurlanova", "Aru", testworld.Day(2017, 5, 1)))
		drop := w.Person(t, w.Child("Nurlanova", "Aru", testworld.Day(2017, 5, 1)))
		enrol := func(c courses.Course, id int64) {
			t.Helper()
			_, err := s.Enrol(ctx, coord, c.ID, courses.EnrolInput{PersonID: id})
			must(t, err)
		}
		enrol(maths, keep.ID)
		enrol(art, drop.ID)
		enrol(drawing, keep.ID)
		enrol(drawing, drop.ID)
		seats := func(c courses.Course) int64 {
			return scalar(t, w, "SELECT enrolled FROM courses WHERE id = $1", c.ID)
		}
		on := func(id int64) int64 {
			return scalar(t, w, "SELECT count(*) FROM course_enrolments WHERE person_id = $1", id)
		}

		m, err := people.Merge(ctx, admin, keep.ID, drop.ID)
		must(t, err)
		if len(m.Moves[courses.MergeHook]) == 0 {
			t.Fatalf("the merge moved no enrolments: %v", m.Moves)
		}
		if k, d := on(keep.ID), on(drop.ID); k != 3 || d != 1 {
			t.Fatalf("after the merge the kept record has %d enrolments and the dropped one %d, want 3 and 1", k, d)
		}
		if n := seats(drawing); n != 1 {
			t.Fatalf("the shared course counts %d places taken, want 1", n)
		}
		roster, err := s.Roster(ctx, coord, drawing.ID, "test")
		must(t, err)
		if len(roster) != 1 || roster[0].PersonID != keep.ID {
			t.Fatalf("the shared course's roster %+v, want the kept record alone", roster)
		}

		must(t, people.Unmerge(ctx, admin, m.ID))
		if k, d := on(keep.ID), on(drop.ID); k != 2 || d != 2 {
			t.Fatalf("after the undo the records have %d and %d enrolments, want 2 and 2", k, d)
		}
		if a, dr := seats(art), seats(drawing); a != 1 || dr != 2 {
			t.Fatalf("after the undo art counts %d places and drawing %d, want 1 and 2", a, dr)
		}
	})
}
