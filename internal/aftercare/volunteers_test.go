package aftercare_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// The registry keeps volunteers with their contacts, skills, region and
// login; refuses what does not hold, beside its field; lists and counts
// them by skill and region within the reader's scope.
func TestVolunteerRegistry(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w, 0)
		timur := f.login(t, "timur@example.org")
		v, err := f.s.CreateVolunteer(f.ctx, f.coord, aftercare.VolunteerInput{Name: " Тимур Ахметов ",
			Phone: "+7 (701) 555-12-34", Email: "Timur@Example.org", RegionCode: "kz-75", OrgID: w.Foundation.ID,
			Skills: []aftercare.Skill{aftercare.Training, aftercare.Software, aftercare.Software}, UserID: timur.ID,
			Active: true})
		must(t, err)
		if v.Name != "Тимур Ахметов" || v.Email != "timur@example.org" || v.RegionCode != "KZ-75" ||
			len(v.Skills) != 2 || v.Skills[0] != aftercare.Software || v.UserName != timur.Name || v.Version != 1 {
			t.Fatalf("created %+v", v)
		}
		try := func(in aftercare.VolunteerInput, key string) {
			t.Helper()
			_, err := f.s.CreateVolunteer(f.ctx, f.coord, in)
			wantKey(t, err, key)
		}
		base := aftercare.VolunteerInput{Name: "Aida", Phone: "+7 701 111 22 33", RegionCode: "KZ-75",
			OrgID: w.Foundation.ID, Active: true}
		with := func(change func(*aftercare.VolunteerInput)) aftercare.VolunteerInput {
			in := base
			change(&in)
			return in
		}
		before := f.scalar(t, "SELECT count(*) FROM volunteers")
		try(with(func(in *aftercare.VolunteerInput) { in.Name = " " }), "error.required")
		try(with(func(in *aftercare.VolunteerInput) { in.Phone = "" }), "error.volunteer_contact_required")
		try(with(func(in *aftercare.VolunteerInput) { in.Phone = "call me" }), "error.invalid_phone")
		try(with(func(in *aftercare.VolunteerInput) { in.Email = "aida at home" }), "error.invalid_email")
		try(with(func(in *aftercare.VolunteerInput) { in.RegionCode = "XX-99" }), "error.unknown_region")
		try(with(func(in *aftercare.VolunteerInput) { in.OrgID = w.Tehran.ID }), "error.org_out_of_scope")
		try(with(func(in *aftercare.VolunteerInput) { in.Skills = []aftercare.Skill{"juggling"} }), "error.invalid_choice_of")
		try(with(func(in *aftercare.VolunteerInput) { in.UserID = w.Users[access.Operator].ID }), "error.volunteer_user_role")
		try(with(func(in *aftercare.VolunteerInput) { in.UserID = timur.ID }), "error.volunteer_user_taken")
		if n := f.scalar(t, "SELECT count(*) FROM volunteers"); n != before {
			t.Fatalf("refusals wrote volunteers: %d, was %d", n, before)
		}
		if _, err := f.s.CreateVolunteer(f.ctx, w.Principal(access.Operator), base); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("an operator registered a volunteer: %v", err)
		}

		in := base
		in.Skills, in.RegionCode, in.Active = []aftercare.Skill{aftercare.Networking}, "KZ-71", false
		u, err := f.s.UpdateVolunteer(f.ctx, f.coord, v.ID, v.Version, in)
		must(t, err)
		if u.Name != "Aida" || u.RegionCode != "KZ-71" || u.Active || u.UserID != 0 || len(u.Skills) != 1 || u.Version != 2 {
			t.Fatalf("updated %+v", u)
		}
		_, err = f.s.UpdateVolunteer(f.ctx, f.coord, v.ID, v.Version, in)
		wantKey(t, err, "error.volunteer_changed")
		if n := f.scalar(t, "SELECT count(*) FROM audit_log WHERE entity = 'volunteer'"); n != 2 {
			t.Fatalf("%d change-log entries, want 2", n)
		}

		f.volunteer(t, "Bolat", "KZ-75", aftercare.Software, aftercare.Networking)
		f.volunteer(t, "Camila", "KZ-75", aftercare.Training)
		count := func(fl aftercare.VolunteerFilter, p access.Principal) int {
			t.Helper()
			c, err := f.s.VolunteersCount(f.ctx, p, fl)
			must(t, err)
			list, _, err := f.s.Volunteers(f.ctx, p, fl, store.Page{Limit: 50})
			must(t, err)
			if c.N != len(list) {
				t.Fatalf("counted %d, listed %d", c.N, len(list))
			}
			return c.N
		}
		if n := count(aftercare.VolunteerFilter{}, f.coord); n != 3 {
			t.Fatalf("%d volunteers, want 3", n)
		}
		if n := count(aftercare.VolunteerFilter{Skill: aftercare.Networking}, f.coord); n != 2 {
			t.Fatalf("%d networkers, want 2", n)
		}
		if n := count(aftercare.VolunteerFilter{RegionPath: "/KZ/KZ-75/", Active: true}, f.coord); n != 2 {
			t.Fatalf("%d active in Almaty, want 2", n)
		}
		if n := count(aftercare.VolunteerFilter{}, w.Principal(access.Auditor)); n != 3 {
			t.Fatalf("the auditor reads %d", n)
		}
		if n := count(aftercare.VolunteerFilter{}, w.Stranger.Principal()); n != 0 {
			t.Fatalf("the Tehran coordinator reads %d", n)
		}
		if _, err := f.s.Volunteer(f.ctx, w.Stranger.Principal(), v.ID); !notFound(err) {
			t.Fatalf("the Tehran coordinator read a volunteer: %v", err)
		}
		page, next, err := f.s.Volunteers(f.ctx, f.coord, aftercare.VolunteerFilter{}, store.Page{Limit: 2})
		must(t, err)
		if len(page) != 2 || page[0].Name != "Camila" || next == "" || len(page[1].Skills) != 2 {
			t.Fatalf("first page %+v next %q", page, next)
		}
		logins, err := f.s.VolunteerLogins(f.ctx, f.coord)
		must(t, err)
		// The world's volunteer and Timur, whose login Aida's record let go.
		if len(logins) != 2 || logins[1].UserID != timur.ID || logins[1].VolunteerID != 0 {
			t.Fatalf("logins %+v", logins)
		}
	})
}
