package youthbot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/bot/flows/youthbot"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/youth"
)

// news runs Once twice: the first queues want pieces of news, the
// second none. It returns the chat's messages queued since after.
func news(t *testing.T, w *testworld.World, n *youthbot.Notifier, chat int64, after *int64, want int) []bot.Message {
	t.Helper()
	for i, w := range []int{want, 0} {
		got, err := n.Once(t.Context())
		must(t, err)
		if got != w {
			t.Fatalf("Once %d queued %d pieces of news, want %d", i+1, got, w)
		}
	}
	qs, err := w.Services.Bot.Messages(t.Context(), chat, *after)
	must(t, err)
	var out []bot.Message
	for _, q := range qs {
		out = append(out, q.Message)
		*after = q.ID
	}
	return out
}

// TestNotifierTellsOnce follows a young person who registered in the bot
// through their match: the proposal, the mentor's acceptance with the
// contact, the question after a session (answered with a button), a
// reminder after two quiet weeks. Each is told once, in Russian, to
// their chat alone; a young person registered on the web, matched too,
// is told nothing.
func TestNotifierTellsOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		p := newProgramme(t, w)
		ctx, coord := t.Context(), w.Principal(access.Coordinator)
		e := engine(t, w)
		c := bottest.Direct(t, w, e, 61, "ru")
		register(t, c, "10.03.2006", false)
		c.Press(tr(w, "ru", "youthbot.later"))
		_, err := w.Services.Youth.Register(ctx, youth.FormPrincipal(w.Foundation.ID, w.Foundation.Path), w.Foundation.ID,
			youth.Input{LastName: "Web", FirstName: "Dina", Birth: day(2004, 1, 2), RegionCode: "KZ-75", Settlement: youth.Urban,
				Status: youth.NEET, Field: "it", Language: "ru", Contact: youth.Contact{Phone: "+7 701 999 88 77"}, Channel: youth.Web})
		must(t, err)
		n, err := youthbot.NewNotifier(w.Services, w.DB, e, w.Clock.Now)
		must(t, err)
		var after int64
		news(t, w, n, c.ID, &after, 0)

		run, err := w.Services.Matching.Run(ctx, coord, matching.Params{})
		must(t, err)
		if run.Matched != 2 {
			t.Fatalf("the run matched %d, want both young people", run.Matched)
		}
		out := news(t, w, n, c.ID, &after, 1)
		if len(out) != 1 || !strings.HasPrefix(out[0].Text, "Вам предложен наставник: ") {
			t.Fatalf("the proposal's news: %+v", out)
		}
		before := outbox(t, w)

		id := youthOfChat(t, w, c.ID)
		ps, err := w.Services.Matching.ForYouth(ctx, id)
		must(t, err)
		mentor := accept(t, w, p, ps[0])
		out = news(t, w, n, c.ID, &after, 1)
		if len(out) != 1 || !strings.Contains(out[0].Text, mentor.Email) || !strings.Contains(out[0].Text, "теперь ваш наставник") {
			t.Fatalf("the acceptance's news (with the contact): %+v", out)
		}

		ships, err := w.Services.Mentorship.ForYouth(ctx, id)
		must(t, err)
		_, err = w.Services.Mentorship.LogSession(ctx, coord, ships[0].ID, mentorship.SessionInput{HeldOn: w.Clock.Now(),
			Minutes: 60, Format: mentorship.Online, Topic: "HTML"})
		must(t, err)
		out = news(t, w, n, c.ID, &after, 1)
		if len(out) != 1 || len(out[0].Buttons) != 2 || !strings.Contains(out[0].Text, "HTML") {
			t.Fatalf("the feedback question: %+v", out)
		}
		c.Write(out...)
		c.Press("4")
		ships, err = w.Services.Mentorship.ForYouth(ctx, id)
		must(t, err)
		if len(ships[0].Feedback) != 1 || ships[0].Feedback[0].Rating != 4 || ships[0].Feedback[0].Author != mentorship.ByYouth {
			t.Errorf("the feedback recorded: %+v", ships[0].Feedback)
		}

		w.Clock.Advance(15 * 24 * time.Hour)
		out = news(t, w, n, c.ID, &after, 1)
		if len(out) != 1 || !strings.Contains(out[0].Text, "С последней встречи с "+strings.Fields(mentor.Name)[0]) {
			t.Fatalf("the reminder: %+v", out)
		}
		if got := outbox(t, w); got != before+3 {
			t.Errorf("%d messages queued since the proposal's, want the chat's 3 alone", got-before)
		}

		// A session logged while the chat is in the middle of "My
		// mentor": the question waits there, a plain word says so.
		c.Press(tr(w, "ru", "youthbot.menu.mentor"))
		_, err = w.Services.Mentorship.LogSession(ctx, coord, ships[0].ID, mentorship.SessionInput{HeldOn: w.Clock.Now(),
			Minutes: 30, Format: mentorship.InPerson, Topic: "CSS"})
		must(t, err)
		out = news(t, w, n, c.ID, &after, 1)
		if len(out) != 1 || out[0].Text != tr(w, "ru", "youthbot.news.rate_later") || len(out[0].Buttons) != 0 {
			t.Errorf("a question to a busy chat: %+v", out)
		}
	})
}

// accept accepts proposal pr as its mentor, who gets a login for it.
func accept(t *testing.T, w *testworld.World, p *programme, pr matching.Proposal) mentoring.Mentor {
	t.Helper()
	ctx := t.Context()
	u, err := w.Services.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "aigerim@example.org",
		Name: "Aigerim Sadykova", Role: access.Mentor, OrgID: w.Foundation.ID, Region: "KZ-75", Locale: "ru",
		Password: testworld.Password})
	must(t, err)
	must(t, w.Services.Mentoring.LinkUser(ctx, w.Principal(access.Coordinator), pr.MentorID, u.ID))
	_, err = w.Services.Matching.Accept(ctx, u.Principal(), pr.ID, pr.Version)
	must(t, err)
	for _, m := range p.mentors {
		if m.ID == pr.MentorID {
			return m
		}
	}
	t.Fatalf("mentor %d is not the programme's", pr.MentorID)
	return mentoring.Mentor{}
}

// outbox counts every message the bot has queued, to any chat.
func outbox(t *testing.T, w *testworld.World) int {
	t.Helper()
	var n int
	must(t, w.DB.R.QueryRowContext(t.Context(), "SELECT COUNT(*) FROM bot_outbox").Scan(&n))
	return n
}
