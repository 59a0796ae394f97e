package guidance_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/guidance"
)

func TestAssessmentsOfAnOrganisationAreCounted(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for i := range 3 {
		p := f.Child(t, "Ахметова", "Мадина", day(2012, 3, 1+i), "")
		must(f.Svc.Guidance.RecordAssessment(ctx, access.System, p.ID, guidance.AssessmentInput{OrgID: f.Org.ID, Instrument: "RIASEC",
			TakenOn: day(2026, 8, 20), Scores: []guidance.Score{{Ability: "Logic", Score: 5, Max: 10}}}))
	}
	c := f.Login(t, "coord@example.org")
	if r := c.Get("/assessments?org=" + itoa(f.Org.ID)); !strings.Contains(r.Body, "3 records") {
		t.Error("the assessments of the organisation are not counted")
	}
	if r := c.Get("/assessments?limit=2&page=9&org=" + itoa(f.Org.ID)); !strings.Contains(r.Body, "Page 2 of 2") ||
		strings.Count(r.Body, "RIASEC") != 1 {
		t.Error("a page past the end does not show the last page")
	}
}
