package public_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/web/webtest"
)

// With rules set, the status page tells the family the short result in
// their language, and the form refuses a child outside the ages with the
// campaign's range.
func TestTheStatusPageGivesTheShortResult(t *testing.T) {
	f := setup(t)
	coord := webtest.Must(f.Svc.Accounts.Lookup(t.Context(), f.Coord.ID)).Principal()
	webtest.Must(f.Svc.Eligibility.SaveRuleSet(t.Context(), coord, f.c.ID,
		eligibility.Rules{All: eligibility.Criteria{Age: &eligibility.Range{Min: 6, Max: 10}}},
		eligibility.Weights{SingleGuardian: 10}))
	v := f.anonymous(t, "kk")
	old := f.form(t)
	old.Set("birth_date", "2012-03-04")
	old.Set("national_id", webtest.Must(natid.MakeIIN(webtest.Day(2012, 3, 4), natid.Female, 8)))
	old.Set("child_assent", "on")
	if r := v.Post("/c/road/apply", old); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "6–10 жастағы") {
		t.Errorf("a 14-year-old applies to a campaign for ages 6–10: %d", r.Status)
	}
	ref := reference(t, v.Post("/c/road/apply", f.form(t)).Body)
	if failed := f.Svc.Eligibility.Settle(); failed != 0 {
		t.Fatalf("%d evaluations failed", failed)
	}
	r := v.Post("/status", url.Values{"reference": {ref}, "phone": {"87015551234"}})
	want := "Өтініміңіз шартқа сай: басымдық ұпайы 0, 1 өтінімнің ішінде 1-орын (Алматы)."
	if !strings.Contains(r.Body, `<p id="status-eligibility">`+want) {
		t.Errorf("status page lacks %q", want)
	}
	if strings.Contains(r.Body, "жас") {
		t.Error("the status page speaks of the child's age")
	}
}
