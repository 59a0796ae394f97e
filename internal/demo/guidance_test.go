package demo_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/guidance"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	svcs "github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
)

// guided is what the demo holds of assessments and placements.
type guided struct {
	assessments, persian, offers int
	outcomes                     map[guidance.PlacementOutcome]int
}

// guide counts the assessments made at every organisation and the
// placements on every offer, checking each as it goes.
func guide(t *testing.T, svc *svcs.Services) guided {
	t.Helper()
	g := guided{outcomes: map[guidance.PlacementOutcome]int{}}
	list, _, err := svc.Orgs.List(ctx, access.System, orgs.Filter{}, store.Page{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range list {
		as, _, err := svc.Guidance.AssessmentsAt(ctx, access.System, o.ID, people.Page{Limit: store.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range as {
			g.assessments++
			if len(a.Scores) != 5 || a.Recommendation == "" || a.AssessedByName == "" || a.TakenOn.After(now()) {
				t.Errorf("assessment %+v", a)
			}
			if strings.ContainsFunc(a.Instrument, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) {
				g.persian++
			}
		}
	}
	offers, err := svc.Guidance.Offers(ctx, access.System, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	g.offers = len(offers)
	for _, o := range offers {
		if o.Used > o.Quota || o.Used == 0 {
			t.Errorf("offer %q: %d of %d places taken", o.Programme, o.Used, o.Quota)
		}
		ls, err := svc.Guidance.Placements(ctx, access.System, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range ls {
			g.outcomes[l.Outcome]++
		}
	}
	return g
}
