package staffbot_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/youth"
)

// proposed makes, for each language, an approved mentor who finished the
// mentors' school, with a login of their own, and an adult young person
// who chose them; one matching run proposes each to their mentor. It
// returns the mentors' logins and their proposals by language.
func proposed(t *testing.T, w *testworld.World) (map[string]accounts.User, map[string]matching.Proposal) {
	t.Helper()
	ctx, coord, ms := t.Context(), w.Principal(access.Coordinator), w.Services.Mentoring
	mod, err := ms.AddModule(ctx, w.Principal(access.Admin), mentoring.Module{Code: "how", Name: "How to mentor", Required: true})
	must(t, err)
	cohort, err := ms.CreateCohort(ctx, coord, mentoring.Cohort{Name: "Summer", OrgID: w.Foundation.ID,
		StartsOn: testworld.Day(2026, 8, 1), EndsOn: testworld.Day(2026, 8, 31)})
	must(t, err)
	sess, err := ms.AddSession(ctx, coord, mentoring.Session{CohortID: cohort.ID, ModuleID: mod.ID,
		HeldOn: testworld.Day(2026, 8, 10), Trainer: "B. Omarov"})
	must(t, err)
	users, props := map[string]accounts.User{}, map[string]matching.Proposal{}
	var mentors []int64
	for i, l := range langs {
		m, err := ms.Create(ctx, coord, mentoring.Input{Name: "Mentor " + l, Email: "mentor-" + l + "@example.org",
			Background: mentoring.Coach, Fields: []string{"career"}, Languages: []string{"kk", "ru"}, OrgID: w.Foundation.ID,
			RegionCode: "KZ-75", InPerson: true, Capacity: 1, Minors: true,
			Vetting: mentoring.Vetting{Document: "Certificate " + l, On: testworld.Day(2026, 3, 1),
				Expires: testworld.Day(2027, 2, 28), CheckedBy: "A. B."}})
		must(t, err)
		must(t, ms.Enrol(ctx, coord, cohort.ID, m.ID))
		mentors = append(mentors, m.ID)
		u := w.User(t, accounts.NewUser{Email: "login-" + l + "@example.org", Name: "Mentor " + l, Role: access.Mentor,
			OrgID: w.Foundation.ID})
		must(t, ms.LinkUser(ctx, coord, m.ID, u.ID))
		users[l] = u
		y, err := w.Services.Youth.Register(ctx, youth.FormPrincipal(w.Foundation.ID, w.Foundation.Path), w.Foundation.ID,
			youth.Input{LastName: "Seitkali", FirstName: "Asel " + l, Birth: testworld.Day(2000, 5, 1), RegionCode: "KZ-75",
				Settlement: youth.Urban, Status: youth.NEET, Field: "career", Language: "kk",
				Contact: youth.Contact{Phone: fmt.Sprintf("+7 701 000 00 %02d", i)}, Channel: youth.Web})
		must(t, err)
		_, err = w.DB.W.ExecContext(ctx, store.Rebind(w.DB.Engine,
			"INSERT INTO youth_choices (youth_id, choice, mentor_id, chosen_at) VALUES ($1, 1, $2, $3)"), y.ID, m.ID, w.Clock.Now())
		must(t, err)
	}
	must(t, ms.RecordAttendance(ctx, coord, sess.ID, mentors))
	for _, m := range mentors {
		must(t, ms.RecordFinal(ctx, coord, cohort.ID, m, true, 80, testworld.Day(2026, 8, 31)))
	}
	run, err := w.Services.Matching.Run(ctx, coord, matching.Params{})
	must(t, err)
	if run.Matched != len(langs) {
		t.Fatalf("the run matched %d", run.Matched)
	}
	for l, u := range users {
		ps, err := w.Services.Matching.Mine(ctx, u.Principal())
		must(t, err)
		if len(ps) != 1 {
			t.Fatalf("mentor %s's proposals: %+v", l, ps)
		}
		props[l] = ps[0]
	}
	return users, props
}

// TestMentorAcceptsAndLogsASession accepts a proposed young person and
// logs a session of the mentorship it begins, in Kazakh, Russian and
// Persian; minutes that are not a number, or too many, are refused.
func TestMentorAcceptsAndLogsASession(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		users, props := proposed(t, w)
		r := rig(t, w)
		for i, lang := range langs {
			t.Run(lang, func(t *testing.T) {
				c := newLive(t, r, int64(300+i), lang)
				c.link(users[lang].Principal())
				c.press("f:staff_matches")
				c.press("p" + strconv.FormatInt(props[lang].ID, 10))
				c.press("accept")
				c.press("f:staff_session")
				c.press("m" + strconv.FormatInt(ship(t, w, users[lang]).ID, 10))
				c.press("today")
				c.text("an hour")
				c.text("600")
				c.text("90")
				c.press(mentorship.InPerson)
				c.text("Talked about the college application")
				c.Golden("mentor_" + lang)
				work, err := w.Services.Mentorship.WorkOf(t.Context(), users[lang].Principal(), ship(t, w, users[lang]).ID)
				must(t, err)
				if len(work.Sessions) != 1 || work.Sessions[0].Minutes != 90 || !work.Sessions[0].HeldOn.Equal(testworld.Day(2026, 9, 1)) {
					t.Errorf("sessions %+v", work.Sessions)
				}
			})
		}
	})
}

// ship is the one mentorship of mentor u.
func ship(t *testing.T, w *testworld.World, u accounts.User) mentorship.Mentorship {
	t.Helper()
	ms, _, err := w.Services.Mentorship.List(t.Context(), u.Principal(), mentorship.Filter{}, store.ParsePage("", "10"))
	must(t, err)
	if len(ms) != 1 {
		t.Fatalf("mentor %s's mentorships: %+v", u.Name, ms)
	}
	return ms[0]
}

// TestMentorCannotAnswerAnothersProposal: another mentor's proposal is
// neither listed nor answered by a forged button, and stays pending.
func TestMentorCannotAnswerAnothersProposal(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		users, props := proposed(t, w)
		c := bottest.Direct(t, w, engine(t, w), 400, "ru")
		link(t, c, users["kk"].Principal())
		c.PressValue("f:staff_matches")
		out := c.Forge("p" + strconv.FormatInt(props["ru"].ID, 10))
		if len(out) != 1 || out[0].Text != "Эта кнопка относится к предыдущему вопросу." {
			t.Errorf("a forged button of another mentor's proposal: %+v", out)
		}
		ps, err := w.Services.Matching.Mine(t.Context(), users["ru"].Principal())
		must(t, err)
		if ps[0].Status != matching.Pending {
			t.Errorf("the other mentor's proposal is %s", ps[0].Status)
		}
	})
}
