package letters_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/letters"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/volunteers"
)

// volunteer registers a volunteer of the Foundation speaking language,
// signed up to need, and logs minutes of their time for it; the hours
// are approved when approve is set, else left waiting.
func (f *fix) volunteer(t testing.TB, name, language string, need int64, minutes int, approve bool) aftercare.Volunteer {
	t.Helper()
	u := f.User(t, accounts.NewUser{Email: strings.ToLower(name) + "@volunteers.example.org", Name: name,
		Role: access.Volunteer, OrgID: f.Foundation.ID})
	v, err := f.Services.Aftercare.CreateVolunteer(f.ctx, f.coord, aftercare.VolunteerInput{Name: name, Phone: "+7 701 000 00 00",
		RegionCode: "KZ-75", OrgID: f.Foundation.ID, UserID: u.ID, Languages: []string{language}, Active: true})
	must(t, err)
	_, err = f.Services.Volunteers.SignUp(f.ctx, u.Principal(), need)
	must(t, err)
	h, err := f.Services.Volunteers.LogHours(f.ctx, u.Principal(), volunteers.HoursInput{
		WorkedOn: testworld.Epoch(), Minutes: minutes, NeedID: need})
	must(t, err)
	if approve {
		_, err = f.Services.Volunteers.DecideHours(f.ctx, f.coord, h.ID, h.Version, volunteers.Decision{Approve: true})
		must(t, err)
	}
	return v
}

// runVolunteerLetters starts and does the campaign's volunteer run.
func (f *fix) runVolunteerLetters(t testing.TB) letters.Run {
	t.Helper()
	run, err := f.s.Start(f.ctx, f.coord, f.camp.ID, letters.VolunteerLetter)
	must(t, err)
	payload, _ := json.Marshal(map[string]int64{"run_id": run.ID})
	_, err = f.s.Handle(f.ctx, &jobs.Job{ID: run.JobID, Kind: letters.JobKind, Payload: payload}, nopProgress{})
	must(t, err)
	run, err = f.s.Run(f.ctx, f.coord, run.ID)
	must(t, err)
	return run
}

// TestVolunteersWithApprovedHoursAreRecognisedOnce runs the volunteer
// letters of a campaign twice: the first run writes one letter to each
// volunteer with approved hours and none to one whose hours still wait;
// the second writes nobody. The letters read their hours, in their plural
// forms, in Russian, Persian and French (two and a half hours).
func TestVolunteersWithApprovedHoursAreRecognisedOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		n, err := w.Services.Volunteers.CreateNeed(f.ctx, f.coord, volunteers.NeedInput{CampaignID: f.camp.ID,
			Role: aftercare.Distribution, Title: "Distribution day", Place: "Centre No. 3",
			OnDate: testworld.Day(2026, 9, 5), Wanted: 5, RegionCode: "KZ-75", OrgID: w.Foundation.ID})
		must(t, err)
		ru := f.volunteer(t, "Aigul", "ru", n.ID, 5*60, true)
		fa := f.volunteer(t, "Darius", "fa", n.ID, 21*60, true)
		fr := f.volunteer(t, "Claire", "fr", n.ID, 150, true)
		waiting := f.volunteer(t, "Bolat", "kk", n.ID, 3*60, false)

		run := f.runVolunteerLetters(t)
		if run.Status != letters.RunDone || run.Written != 3 || run.Total != 3 || !run.Combined {
			t.Fatalf("first run: %+v", run)
		}
		if got := f.scalar(t, "SELECT count(*) FROM letters WHERE kind = 'volunteer' AND recipient_id = $1",
			waiting.ID); got != 0 {
			t.Errorf("%d letters to a volunteer whose hours are not approved", got)
		}
		if got := f.scalar(t, "SELECT count(*) FROM letters WHERE kind = 'sponsor'"); got != 0 {
			t.Errorf("a volunteer run wrote %d sponsor letters", got)
		}
		for _, c := range []struct {
			id     int64
			locale string
			words  []string
		}{
			{ru.ID, "ru", []string{"Aigul", "Дорога в школу", "5 часов", "1 подтверждённая запись о времени",
				"1 смена"}},
			{fr.ID, "fr", []string{"Claire", "2,5 heures", "1 relevé d’heures approuvé"}},
			// pdftotext sets a number beside, not before, the Persian word
			// after it: the figures and the words are looked for apart.
			{fa.ID, "fa", []string{"Darius", "راه مدرسه", "۲۱", "ساعت", "ثبت ساعت تأییدشده"}},
		} {
			id := f.scalar(t, "SELECT id FROM letters WHERE kind = 'volunteer' AND recipient_id = $1", c.id)
			l, err := f.s.Letter(f.ctx, f.coord, id)
			must(t, err)
			if l.Locale != c.locale {
				t.Errorf("volunteer %d's letter is in %q, want %q", c.id, l.Locale, c.locale)
			}
			text := strings.Join(strings.Fields(strings.Join(pdfText(t, l.PDF), " ")), " ")
			if m := missing(text, c.words); m != "" {
				t.Errorf("the %s letter lacks %q:\n%s", c.locale, m, text)
			}
		}

		again := f.runVolunteerLetters(t)
		if again.ID == run.ID || again.Status != letters.RunDone || again.Written != 0 || again.Total != 0 {
			t.Errorf("second run: %+v", again)
		}
		if got := f.scalar(t, "SELECT count(*) FROM letters WHERE kind = 'volunteer'"); got != 3 {
			t.Errorf("%d volunteer letters after two runs, want 3", got)
		}
	})
}
