package mentoring_test

import (
	"errors"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/testworld"
)

func TestApplicationsAreCheckedAndDecidedInScope(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Mentoring
		coord, stranger := w.Principal(access.Coordinator), w.Stranger.Principal()

		bad := mentoring.Input{Name: "", Email: "no at sign", Background: "wizard", Fields: []string{"magic"},
			Languages: []string{"kk"}, OrgID: w.Foundation.ID, RegionCode: "IR-23", Capacity: 0,
			Vetting: mentoring.Vetting{Document: "only a document"}}
		_, err := s.Apply(ctx, bad)
		e := errs.As(err)
		if e == nil || e.Code != errs.Invalid {
			t.Fatalf("bad application: %v", err)
		}
		for _, key := range []string{"error.required", "error.invalid", "error.invalid_choice_of", "error.mentor_formats",
			"error.mentor_capacity", "error.mentor_vetting_incomplete", "error.mentor_region_outside"} {
			wantKey(t, err, key)
		}

		m, err := s.Apply(ctx, application(w, "Aigerim Nurlanova", "Aigerim@Example.org"))
		must(t, err)
		if m.Status != mentoring.Applied || m.Email != "aigerim@example.org" || m.Source != "form" ||
			len(m.Fields) != 2 || m.RegionCode != "KZ-75" || m.Free() != 2 {
			t.Fatalf("applied %+v", m)
		}
		_, err = s.Apply(ctx, application(w, "Aigerim again", "aigerim@example.org"))
		wantKey(t, err, "error.mentor_contact_taken")

		// Another region's coordinator neither sees nor decides it.
		_, err = s.Get(ctx, stranger, m.ID)
		wantKey(t, err, "error.forbidden")
		_, err = s.Decide(ctx, stranger, m.ID, m.Version, true, "")
		wantKey(t, err, "error.forbidden")
		if list, err := s.List(ctx, stranger, mentoring.Filter{}); err != nil || len(list) != 0 {
			t.Fatalf("stranger's list %v %v", list, err)
		}
		list, err := s.List(ctx, coord, mentoring.Filter{Status: mentoring.Applied, Field: "career"})
		must(t, err)
		if len(list) != 1 || list[0].ID != m.ID {
			t.Fatalf("coordinator's list %+v", list)
		}

		_, err = s.Decide(ctx, coord, m.ID, m.Version, false, " ")
		wantKey(t, err, "error.required")
		a, err := s.Decide(ctx, coord, m.ID, m.Version, true, "")
		must(t, err)
		if a.Status != mentoring.Approved || a.DecidedAt.IsZero() || a.Version != m.Version+1 {
			t.Fatalf("approved %+v", a)
		}
		_, err = s.Decide(ctx, coord, m.ID, a.Version, false, "changed our mind")
		wantKey(t, err, "error.mentor_decided")

		// The mentor sees their own profile once it is linked to their
		// login, and no one else's.
		mp := w.Principal(access.Mentor)
		_, err = s.Mine(ctx, mp)
		if !errorsIsNotFound(err) {
			t.Fatalf("mine before the link: %v", err)
		}
		must(t, s.LinkUser(ctx, coord, m.ID, mp.UserID))
		err = s.LinkUser(ctx, coord, m.ID, w.Principal(access.Operator).UserID)
		wantKey(t, err, "error.mentor_user_role")
		mine, err := s.Mine(ctx, mp)
		must(t, err)
		if mine.ID != m.ID {
			t.Fatalf("mine %+v", mine)
		}
		other, err := s.Create(ctx, coord, application(w, "Daniyar Sapar", "daniyar@example.org"))
		must(t, err)
		_, err = s.Get(ctx, mp, other.ID)
		wantKey(t, err, "error.forbidden")
		_, err = s.Mine(ctx, coord)
		wantKey(t, err, "error.forbidden")
	})
}

func errorsIsNotFound(err error) bool { return errors.Is(err, errs.ErrNotFound) }
