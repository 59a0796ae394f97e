package aftercare_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// Ten registrations of one e-mail address at once register one volunteer;
// the others are told the address is taken. A phone shared by a family
// may stand on several records.
func TestRacingRegistrationsOfOneAddress(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w, 0)
		in := aftercare.VolunteerInput{Name: "Aida", Email: "Aida@Example.org ", Skills: []aftercare.Skill{aftercare.Software},
			RegionCode: "KZ-75", OrgID: w.Foundation.ID, Active: true}
		var mu sync.Mutex
		won := 0
		var wg sync.WaitGroup
		for range 10 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := f.s.CreateVolunteer(f.ctx, f.coord, in)
				if err != nil {
					wantKeyAsync(t, err, "error.volunteer_email_taken")
					return
				}
				mu.Lock()
				won++
				mu.Unlock()
			}()
		}
		wg.Wait()
		if n := f.scalar(t, "SELECT count(*) FROM volunteers WHERE email = 'aida@example.org'"); won != 1 || n != 1 {
			t.Fatalf("%d registrations won, %d records, want 1", won, n)
		}
		if n := f.scalar(t, "SELECT count(*) FROM audit_log WHERE entity = 'volunteer'"); n != 1 {
			t.Fatalf("%d change-log entries, want 1", n)
		}
		// The record itself may be saved again with its address.
		v, _, err := f.s.Volunteers(f.ctx, f.coord, aftercare.VolunteerFilter{}, store.Page{})
		must(t, err)
		if _, err := f.s.UpdateVolunteer(f.ctx, f.coord, v[0].ID, v[0].Version, in); err != nil {
			t.Fatalf("saving the volunteer again: %v", err)
		}
		f.volunteer(t, "Sibling one", "KZ-75", aftercare.Software)
		f.volunteer(t, "Sibling two", "KZ-75", aftercare.Software)
	})
}

// Hostile names: a bidirectional override is dropped, control characters
// and a name longer than the limit are refused.
func TestHostileVolunteerNames(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w, 0)
		base := aftercare.VolunteerInput{Phone: "+7 701 000 00 01", RegionCode: "KZ-75", OrgID: w.Foundation.ID, Active: true}
		in := base
		in.Name = "Evil\u202egnp.exe Name"
		v, err := f.s.CreateVolunteer(f.ctx, f.coord, in)
		must(t, err)
		if v.Name != "Evilgnp.exe Name" {
			t.Fatalf("a name with a right-to-left override was kept as %q", v.Name)
		}
		in.Name = "Bell\u0007\u0000 Name"
		_, err = f.s.CreateVolunteer(f.ctx, f.coord, in)
		wantKey(t, err, "error.invalid")
		in = base
		in.Name = strings.Repeat("Ә", aftercare.MaxName+1)
		_, err = f.s.CreateVolunteer(f.ctx, f.coord, in)
		if err == nil {
			t.Fatal("a name over the limit was registered")
		}
	})
}
