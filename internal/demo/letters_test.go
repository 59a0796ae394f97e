package demo_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/letters"
)

// Last year's "Road to School" has had its sponsors' and its volunteers'
// letters written — every recipient thanked once, a combined file for
// each run — on the Foundation's letterhead; this year's has no letters.
// Seeding again writes no more.
func TestDemoLetters(t *testing.T) {
	_, svc := seeded(t)
	if _, err := demo.Seed(ctx, svc, demo.Options{Now: now}); err != nil { // a second seed
		t.Fatal(err)
	}
	last, err := svc.Campaigns.Public(ctx, "road-2025")
	if err != nil {
		t.Fatal(err)
	}
	runs, err := svc.Letters.Runs(ctx, access.System, last.ID)
	if err != nil || len(runs) != 2 {
		t.Fatalf("last year's runs: %+v (%v)", runs, err)
	}
	kinds := map[letters.Kind]letters.Run{}
	for _, r := range runs {
		kinds[r.Kind] = r
		if r.Status != letters.RunDone || !r.Combined || r.Written == 0 || r.Written != r.Total {
			t.Errorf("run %+v", r)
		}
	}
	recips, err := svc.Letters.Recipients(ctx, access.System, last.ID)
	if err != nil {
		t.Fatal(err)
	}
	count := map[letters.Kind]int64{}
	for _, r := range recips {
		count[r.Kind]++
		if r.LetterID == 0 || r.ThankedAt == nil {
			t.Errorf("%s %s not thanked", r.Kind, r.Name)
		}
	}
	if count[letters.VolunteerLetter] != 3 || count[letters.SponsorLetter] < 10 ||
		kinds[letters.SponsorLetter].Written != count[letters.SponsorLetter] ||
		kinds[letters.VolunteerLetter].Written != count[letters.VolunteerLetter] {
		t.Errorf("recipients %v, runs %+v", count, kinds)
	}
	this, err := svc.Campaigns.Public(ctx, "road-2026")
	if err != nil {
		t.Fatal(err)
	}
	if runs, err := svc.Letters.Runs(ctx, access.System, this.ID); err != nil || len(runs) != 0 {
		t.Errorf("this year's runs: %+v (%v)", runs, err)
	}
	head, err := svc.Letters.Letterhead(ctx, access.System, last.OrganiserID)
	if err != nil || head.Version != 1 || head.SignatoryName == "" || len(head.Lines) != 3 {
		t.Errorf("the Foundation's letterhead: %+v (%v)", head, err)
	}
}
