package mentoring_test

import (
	"database/sql"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// TestFieldsProfilesAndMovesAreKept covers the configurable fields, a
// coordinator's edit of a profile (a renewed vetting, the capacity
// against the mentees, a stale version) and a branch moved in the tree.
func TestFieldsProfilesAndMovesAreKept(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Mentoring
		coord := w.Principal(access.Coordinator)
		law := mentoring.Field{Code: "law", NameEN: "Law", NameKK: "Құқық", NameRU: "Право", NameFR: "Droit",
			NameFA: "حقوق", Active: true, Position: 9}
		_, err := s.SaveField(ctx, w.Principal(access.Mentor), law)
		wantKey(t, err, "error.forbidden")
		_, err = s.SaveField(ctx, coord, mentoring.Field{Code: "Bad code!", NameEN: "Law"})
		wantKey(t, err, "error.mentor_field_code")
		_, err = s.SaveField(ctx, coord, law)
		must(t, err)
		fields, err := s.Fields(ctx)
		must(t, err)
		if last := fields[len(fields)-1]; last != law || last.Name("fa") != "حقوق" {
			t.Fatalf("fields %+v", fields)
		}
		if ok, err := s.IsActiveField(ctx, "law"); !ok || err != nil {
			t.Fatalf("law is not an active field: %v", err)
		}
		if ok, _ := s.IsActiveField(ctx, "astrology"); ok {
			t.Fatal("an unknown field is active")
		}

		branch := w.Org(t, orgs.Input{Name: "Almaty branch", Type: orgs.Foundation, ParentID: w.Foundation.ID, RegionCode: "KZ-75"})
		in := application(w, "Aigerim Nurlanova", "aigerim@example.org")
		in.OrgID, in.Fields = branch.ID, []string{"law"}
		m, err := s.Create(ctx, coord, in)
		must(t, err)
		law.Active = false
		_, err = s.SaveField(ctx, coord, law)
		must(t, err)
		in.Email = "other@example.org"
		_, err = s.Create(ctx, coord, in)
		wantKey(t, err, "error.invalid_choice_of") // an inactive field is offered to no one new
		if ok, _ := s.IsActiveField(ctx, "law"); ok {
			t.Fatal("an inactive field is active")
		}

		// A renewed vetting; the capacity not below the mentees.
		in = application(w, "Aigerim Nurlanova", "aigerim@example.org")
		in.Vetting.Expires = day(2028, 2, 28)
		u, err := s.Update(ctx, coord, m.ID, m.Version, in)
		must(t, err)
		if !u.Vetting.ValidOn(day(2028, 2, 28)) || u.OrgID != branch.ID || u.Version != m.Version+1 {
			t.Fatalf("updated %+v", u)
		}
		_, err = s.Update(ctx, coord, m.ID, m.Version, in)
		wantKey(t, err, "error.conflict")
		_, err = s.Update(ctx, w.Stranger.Principal(), m.ID, u.Version, in)
		wantKey(t, err, "error.forbidden")
		must(t, w.DB.Tx(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, store.Rebind(w.DB.Engine, "UPDATE mentors SET mentees = 2 WHERE id = $1"), m.ID)
			return err
		}))
		in.Capacity = 1
		_, err = s.Update(ctx, coord, m.ID, u.Version, in)
		wantKey(t, err, "error.mentor_below_mentees")

		// The branch moves under the Tehran charity: its mentors and
		// cohorts move with it, out of the Foundation's coordinator's reach.
		c, err := s.CreateCohort(ctx, coord, mentoring.Cohort{Name: "Spring", OrgID: branch.ID,
			StartsOn: day(2026, 3, 1), EndsOn: day(2026, 5, 31)})
		must(t, err)
		if cs, err := s.Cohorts(ctx, coord); err != nil || len(cs) != 1 || cs[0].ID != c.ID {
			t.Fatalf("cohorts %+v %v", cs, err)
		}
		_, err = w.Services.Orgs.Update(ctx, access.System, branch.ID, orgs.Input{Name: branch.Name, Type: branch.Type,
			ParentID: w.Tehran.ID, RegionCode: "KZ-75", Active: true})
		must(t, err)
		_, err = s.Get(ctx, coord, m.ID)
		wantKey(t, err, "error.forbidden")
		if cs, err := s.Cohorts(ctx, coord); err != nil || len(cs) != 0 {
			t.Fatalf("cohorts after the move %+v %v", cs, err)
		}
		if _, err := s.Get(ctx, w.Principal(access.Admin), m.ID); err != nil {
			t.Fatalf("admin reads the moved mentor: %v", err)
		}
	})
}
