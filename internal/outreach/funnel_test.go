package outreach_test

import (
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/testworld"
)

// TestFunnelGroupsByDistrictOrReason: one reading of the cases counts
// them per district or per reason, a group a row in the order of its key.
func TestFunnelGroupsByDistrictOrReason(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Outreach
		coord, worker := w.Principal(access.Coordinator), w.Principal(access.Outreach)
		var flags []outreach.Flagged
		for _, first := range []string{"Aru", "Dana", "Erlan"} {
			flags = append(flags, flagged(w, w.Person(t, w.Child("Nurlanova", first, testworld.Day(2015, 5, 1))), 0.9))
		}
		_, err := s.Flag(ctx, coord, flags)
		must(t, err)
		for i, reason := range []outreach.Reason{outreach.Work, outreach.Health} {
			_, err := s.Contact(ctx, worker, caseOf(t, w, flags[i].PersonID), 1,
				outreach.ContactInput{Mode: outreach.Call, Reason: reason})
			must(t, err)
		}

		by, err := s.Funnel(ctx, worker, false)
		must(t, err)
		if want := []outreach.Stage{{Key: "/KZ/KZ-75/", Flagged: 3, Contacted: 2}}; !slices.Equal(by, want) {
			t.Errorf("by district %+v, want %+v", by, want)
		}
		by, err = s.Funnel(ctx, worker, true)
		must(t, err)
		want := []outreach.Stage{{Key: "", Flagged: 1}, {Key: "health", Flagged: 1, Contacted: 1},
			{Key: "work", Flagged: 1, Contacted: 1}}
		if !slices.Equal(by, want) {
			t.Errorf("by reason %+v, want %+v", by, want)
		}
	})
}
