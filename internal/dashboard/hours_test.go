package dashboard_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/dashboard"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/volunteers"
)

// The volunteer hours of a campaign show by the skill they were given
// with — the role of the need they were logged for — and the hours chart
// names the skill in the reader's language.
func TestHoursBySkill(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, vs := t.Context(), w.Services.Volunteers
		c := must(w.Services.Campaigns.Create(ctx, coord(w), road(w, "road-2026", day(2026, 7, 1))))
		c = must(w.Services.Campaigns.Transition(ctx, coord(w), c.ID, c.Version, campaign.Open))
		u := w.User(t, accounts.NewUser{Email: "aigul@volunteers.example.org", Name: "Aigul", Role: access.Volunteer,
			OrgID: w.Foundation.ID})
		must(w.Services.Aftercare.CreateVolunteer(ctx, coord(w), aftercare.VolunteerInput{Name: "Aigul",
			Phone: "+7 701 000 00 00", Skills: []aftercare.Skill{aftercare.Driving}, RegionCode: "KZ-75",
			OrgID: w.Foundation.ID, UserID: u.ID, Active: true}))
		today := testworld.Day(2026, 9, 1)
		n := must(vs.CreateNeed(ctx, coord(w), volunteers.NeedInput{CampaignID: c.ID, Role: aftercare.Distribution,
			Title: "Distribution day", OnDate: today, Wanted: 3, RegionCode: "KZ-75", OrgID: w.Foundation.ID}))
		must(vs.SignUp(ctx, u.Principal(), n.ID))
		h := must(vs.LogHours(ctx, u.Principal(), volunteers.HoursInput{WorkedOn: today, Minutes: 150, NeedID: n.ID}))
		must(vs.DecideHours(ctx, coord(w), h.ID, h.Version, volunteers.Decision{Approve: true}))

		d := must(w.Services.Dashboard.Campaign(ctx, coord(w), c.ID, "en"))
		if d.Hours == nil || len(d.Hours.BySkill) != 1 || d.Hours.BySkill[0] != (dashboard.SkillHours{Skill: "distribution", Hours: 2.5}) {
			t.Fatalf("hours %+v", d.Hours)
		}
		cat := must(i18n.New())
		for _, c := range dashboard.Charts(d, cat.Localizer("en")) {
			if c.ID != "hours" {
				continue
			}
			if g := c.Table("en"); len(g.Rows) != 1 || g.Rows[0].Category != "Handing out aid" || g.Rows[0].Cells[0] != "2.5" {
				t.Errorf("hours table %+v", g.Rows)
			}
			return
		}
		t.Error("no hours chart")
	})
}
