package aftercare_test

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/testworld"
)

// Volunteers and tasks move with their organisations: the tasks follow
// the request's school, the volunteer the organisation keeping the
// record, in the transaction of the move.
func TestVolunteersAndTasksFollowTheirOrganisations(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w, 1)
		f.handOver(t, "Aru", "PC-001")
		_, _, err := f.s.Sync(f.ctx)
		must(t, err)
		branch := w.Org(t, orgs.Input{Name: "Branch", Type: orgs.Foundation, ParentID: w.Foundation.ID, RegionCode: "KZ-75"})
		v, err := f.s.CreateVolunteer(f.ctx, f.coord, aftercare.VolunteerInput{Name: "Aida", Phone: "+7 701 111 22 33",
			RegionCode: "KZ-75", OrgID: branch.ID, Active: true})
		must(t, err)
		other := w.Org(t, orgs.Input{Name: "Other", Type: orgs.Foundation, ParentID: w.Foundation.ID, RegionCode: "KZ-75"})
		for _, o := range []orgs.Organisation{branch, w.School} {
			_, err := w.Services.Orgs.Update(f.ctx, access.System, o.ID, orgs.Input{Name: o.Name, Type: o.Type,
				ParentID: other.ID, RegionCode: "KZ-75", Active: true})
			must(t, err)
		}
		v, err = f.s.Volunteer(f.ctx, f.coord, v.ID)
		must(t, err)
		if !strings.HasPrefix(v.Target().OrgPath, other.Path) {
			t.Fatalf("the volunteer stayed at %s", v.Target().OrgPath)
		}
		for _, task := range f.tasks(t, f.unit(t, "PC-001")) {
			if want := other.Path + itoa(w.School.ID) + "/"; task.Target().OrgPath != want {
				t.Fatalf("the task is at %s, want %s", task.Target().OrgPath, want)
			}
		}
	})
}

// A region subtree moved moves the region paths volunteers and tasks copy.
func TestVolunteersAndTasksFollowTheirRegion(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w, 1)
		f.handOver(t, "Aru", "PC-001")
		_, _, err := f.s.Sync(f.ctx)
		must(t, err)
		v := f.volunteer(t, "Aida", "KZ-75", aftercare.Training)
		must(t, w.DB.Tx(f.ctx, func(tx *sql.Tx) error { return f.s.RepathRegions(f.ctx, tx, "/KZ/KZ-75/", "/KZ/KZ-71/KZ-75/") }))
		v, err = f.s.Volunteer(f.ctx, access.System, v.ID)
		must(t, err)
		if v.Target().RegionPath != "/KZ/KZ-71/KZ-75/" {
			t.Fatalf("the volunteer's region is %s", v.Target().RegionPath)
		}
		for _, task := range f.tasks(t, f.unit(t, "PC-001")) {
			if task.Target().RegionPath != "/KZ/KZ-71/KZ-75/" {
				t.Fatalf("the task's region is %s", task.Target().RegionPath)
			}
		}
	})
}
