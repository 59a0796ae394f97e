package distribution_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/testworld"
)

// An event's list: its rule takes the lines held at the point (for the
// whole point, or for the schools it names), a line assigned by hand
// leaves the rule's other events, a line handed over stays; a child's
// name only for those who may see children, and reading the list with
// names is logged.
func TestListRulesAssignmentAndNames(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		a := f.request(t, "Aigerim", f.kit(), f.uniform())
		b := f.request(t, "Bolat", f.kit())
		other := w.Org(t, orgs.Input{Name: "School №2", Type: orgs.School, ParentID: w.Foundation.ID, RegionCode: "KZ-75"})
		in := f.Child("Test", "Dana", testworld.Day(2016, 5, 1))
		in.OrgID = other.ID
		c := f.requestFor(t, w.Person(t, in), f.kit())
		schoolOnly := f.newEvent(t, distribution.EventInput{OrgIDs: []int64{w.School.ID}})
		byHand := f.newEvent(t, distribution.EventInput{})
		count := func(e distribution.Event) (n int) {
			_, rows, err := f.d.Lines(f.ctx, f.coord, e.ID)
			must(t, err)
			for _, r := range rows {
				if r.Child != "" {
					t.Fatal("Lines names a child")
				}
			}
			return len(rows)
		}
		if n, m, k := count(f.event), count(schoolOnly), count(byHand); n != 4 || m != 3 || k != 0 {
			t.Fatalf("whole point %d lines, School №1 %d, by hand %d; want 4, 3, 0", n, m, k)
		}
		ref := func(id int64) string {
			var s string
			must(t, f.DB.R.QueryRowContext(f.ctx, rebind(f, "SELECT reference FROM requests WHERE id = $1"), id).Scan(&s))
			return s
		}
		if _, err := f.d.Assign(f.ctx, f.wh, byHand.ID, []string{ref(c), "ZZZ-0000"}); key(err) != "error.event_reference_unknown" {
			t.Fatalf("an unknown reference: %v", err)
		}
		n, err := f.d.Assign(f.ctx, f.wh, byHand.ID, []string{ref(a), ref(c)})
		must(t, err)
		if n != 3 || count(byHand) != 3 || count(f.event) != 1 || count(schoolOnly) != 1 {
			t.Fatalf("assigned %d: by hand %d, whole point %d, School №1 %d", n, count(byHand), count(f.event), count(schoolOnly))
		}
		must(t, f.d.Unassign(f.ctx, f.wh, byHand.ID, c, 1))
		if count(byHand) != 2 || count(f.event) != 2 {
			t.Fatal("a line unassigned did not go back to the rule")
		}
		// A line handed over stays on its event's list.
		_, err = f.handOver(b, distribution.LineInput{Line: 1})
		must(t, err)
		_, rows, err := f.d.List(f.ctx, f.coord, f.event.ID, "web")
		must(t, err)
		if len(rows) != 2 || !rows[0].Handed() && !rows[1].Handed() {
			t.Fatalf("rows %+v", rows)
		}
		named := 0
		for _, r := range rows {
			if r.Child != "" {
				named++
			}
			if r.OrgName != "School №1" && r.OrgName != "School №2" || r.Grade != 3 {
				t.Fatalf("row %+v", r)
			}
		}
		if named != 2 {
			t.Fatalf("the coordinator sees %d names of 2", named)
		}
		_, rows, err = f.d.List(f.ctx, f.wh, f.event.ID, "export")
		must(t, err)
		for _, r := range rows {
			if r.Child != "" {
				t.Fatalf("the warehouse keeper reads a child's name: %+v", r)
			}
		}
		if n := f.scalar(t, "SELECT count(*) FROM access_log WHERE subject_kind = 'distribution_list'"); n != 2 {
			t.Fatalf("%d list reads logged, want 2", n)
		}
		if _, _, err := f.d.List(f.ctx, w.Principal(access.Sponsor), f.event.ID, "web"); key(err) != "error.forbidden" {
			t.Fatalf("a sponsor read the list: %v", err)
		}
	})
}

// requestFor files an allocated request for person per, held at the
// point.
func (f *fix) requestFor(t *testing.T, per people.Person, lines ...line) int64 {
	t.Helper()
	return f.requestOf(t, per.ID, lines...)
}
