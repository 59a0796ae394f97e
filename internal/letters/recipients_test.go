package letters_test

import (
	"testing"

	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/letters"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/volunteers"
)

// A campaign's recipients are its sponsors, then its volunteers with
// approved hours (not one whose hours still wait), each with the letter
// that thanked them once the runs of both kinds are done.
func TestRecipientsAreSponsorsAndVolunteers(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.sponsor(t, "Acme Stationery", "en")
		n, err := w.Services.Volunteers.CreateNeed(f.ctx, f.coord, volunteers.NeedInput{CampaignID: f.camp.ID,
			Role: aftercare.Distribution, Title: "Distribution day", Place: "Centre No. 3",
			OnDate: testworld.Day(2026, 9, 5), Wanted: 5, RegionCode: "KZ-75", OrgID: w.Foundation.ID})
		must(t, err)
		zara := f.volunteer(t, "Zarina", "kk", n.ID, 120, true)
		aigul := f.volunteer(t, "Aigul", "ru", n.ID, 300, true)
		f.volunteer(t, "Bolat", "kk", n.ID, 60, false)

		got, err := f.s.Recipients(f.ctx, f.coord, f.camp.ID)
		must(t, err)
		want := []struct {
			kind letters.Kind
			name string
		}{{letters.SponsorLetter, "Acme Stationery"}, {letters.VolunteerLetter, "Aigul"}, {letters.VolunteerLetter, "Zarina"}}
		if len(got) != len(want) {
			t.Fatalf("recipients before the runs: %+v", got)
		}
		for i, r := range got {
			if r.Kind != want[i].kind || r.Name != want[i].name || r.LetterID != 0 || r.ThankedAt != nil {
				t.Errorf("recipient %d before the runs: %+v, want %v", i, r, want[i])
			}
		}
		if got[1].ID != aigul.ID || got[2].ID != zara.ID {
			t.Errorf("volunteers' ids: %d, %d; want %d, %d", got[1].ID, got[2].ID, aigul.ID, zara.ID)
		}

		if _, err := f.runLetters(t, f.ctx); err != nil {
			t.Fatal(err)
		}
		f.runVolunteerLetters(t)
		got, err = f.s.Recipients(f.ctx, f.coord, f.camp.ID)
		must(t, err)
		if len(got) != 3 {
			t.Fatalf("recipients after the runs: %+v", got)
		}
		for i, r := range got {
			if r.Kind != want[i].kind || r.Name != want[i].name || r.LetterID == 0 || r.ThankedAt == nil {
				t.Errorf("recipient %d after the runs: %+v", i, r)
				continue
			}
			l, err := f.s.Letter(f.ctx, f.coord, r.LetterID)
			must(t, err)
			if l.Kind != r.Kind || l.RecipientID != r.ID || l.Locale != r.Locale {
				t.Errorf("recipient %+v's letter is %+v", r, l)
			}
		}
		if got[1].Locale != "ru" || got[2].Locale != "kk" {
			t.Errorf("volunteers' letters in %q and %q, want ru and kk", got[1].Locale, got[2].Locale)
		}
	})
}
