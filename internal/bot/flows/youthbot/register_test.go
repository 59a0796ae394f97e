package youthbot_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/bot/flows"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/testworld/golden"
	"github.com/jolproject/jol/internal/youth"
)

// names are the labels the bot shows in lang for Almaty and for
// information technology.
func names(t *testing.T, w *testworld.World, lang string) (region, field string) {
	t.Helper()
	r, err := w.Services.Geo.Lookup(t.Context(), "KZ-75")
	must(t, err)
	fs, err := w.Services.Mentoring.Fields(t.Context())
	must(t, err)
	for _, f := range fs {
		if f.Code == "it" {
			field = f.Name(lang)
		}
	}
	return r.Name(lang), field
}

// register walks c from the main menu to the consent, born on birth (as
// typed), a minor naming their mother.
func register(t *testing.T, c *bottest.DirectChat, birth string, minor bool) {
	registerAs(t, c, "Seitkali Aruzhan", birth, "+77011234567", minor)
}

// registerAs registers as register does, with name and phone.
func registerAs(t *testing.T, c *bottest.DirectChat, name, birth, phone string, minor bool) {
	t.Helper()
	region, field := names(t, c.W, c.Lang)
	c.Cmd("/start")
	c.Press(tr(c.W, c.Lang, "youthbot.menu.register"))
	c.Text(name)
	c.Text(birth)
	c.Press(region)
	c.Press(tr(c.W, c.Lang, "youth.settlement.urban"))
	c.Press(tr(c.W, c.Lang, "youth.status.in_education"))
	c.Press(field)
	c.Text("Learn to build websites")
	c.Contact(phone, c.ID)
	if minor {
		c.Text("Gulnar Seitkali")
		c.Press(tr(c.W, c.Lang, "youthbot.relation.mother"))
		c.Text("+7 701 000 11 22")
	}
	c.Press(tr(c.W, c.Lang, "youthbot.consent_yes"))
}

// TestRegistration registers a young person of 20 in Kazakh, Russian and
// Persian through the fake Bot API, as serve runs the bot, ranks one
// mentor and saves; the transcripts of the exact requests the bot made
// are golden files (go test ./internal/bot/flows/youthbot -update). The
// record is the web form's: the field, the place, the channel, the
// language, and the chat is remembered for them.
func TestRegistration(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		p := newProgramme(t, w)
		fs, err := flows.All(w.Services)
		must(t, err)
		r := bottest.Start(t, w, fs...)
		for i, lang := range []string{"kk", "ru", "fa"} {
			t.Run(lang, func(t *testing.T) {
				c := r.Chat(t, int64(100+i), lang)
				phone := "+7701123456" + strconv.Itoa(i)
				region, field := names(t, w, lang)
				c.Cmd("/start")
				c.Press(tr(w, lang, "youthbot.menu.register"))
				c.Text("Seitkali Aruzhan")
				c.Text("10.03.2006")
				c.Press(region)
				c.Press(tr(w, lang, "youth.settlement.urban"))
				c.Press(tr(w, lang, "youth.status.in_education"))
				c.Press(field)
				c.Text("Learn to build websites")
				c.Contact(phone, c.ID)
				c.Press(tr(w, lang, "youthbot.consent_yes"))
				c.Press(tr(w, lang, "youthbot.choose_mentors"))
				c.Press("1. Aigerim")
				c.Press(tr(w, lang, "youthbot.save_choices"))
				c.Golden("register_" + lang)
				id := youthOfChat(t, w, c.ID)
				if id == 0 {
					t.Fatal("the chat is not remembered for the young person")
				}
				y, err := w.Services.Youth.Get(t.Context(), w.Principal(access.Admin), id, youth.ViaTelegram)
				must(t, err)
				if y.Field != "it" || y.RegionCode != "KZ-75" || y.Channel != youth.Telegram || y.Language != lang ||
					y.AgeGroup != youth.YoungAdult || y.Status != youth.InEducation || y.Contact.Phone != phone {
					t.Errorf("registered %+v", y)
				}
				choices, err := w.Services.Youth.Choices(t.Context(), w.Principal(access.Admin), id)
				must(t, err)
				if len(choices) != 1 || choices[0] != p.mentors[0].ID {
					t.Errorf("choices %v, want the first mentor %d", choices, p.mentors[0].ID)
				}
			})
		}
	})
}

var guardianToken = regexp.MustCompile(`/y/guardian/([A-Za-z0-9_-]{43})`)

// TestMinorGetsTheGuardianLink registers a minor of 15: the bot asks
// for their guardian and gives the link, written on the site's address;
// the guardian consenting through it records the consent, and the match
// no longer waits for it.
func TestMinorGetsTheGuardianLink(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		newProgramme(t, w)
		set, err := w.Services.Settings.Get(t.Context())
		must(t, err)
		set.SiteAddress = "https://jol.example.org"
		must(t, w.Services.Settings.Update(t.Context(), w.Principal(access.Admin), set))
		c := bottest.Direct(t, w, engine(t, w), 7, "ru")
		register(t, c, "10.03.2011", true)
		m := guardianToken.FindStringSubmatch(c.Transcript())
		if m == nil {
			t.Fatalf("no guardian link:\n%s", c.Transcript())
		}
		if !strings.Contains(c.Transcript(), "https://jol.example.org/y/guardian/"+m[1]) {
			t.Errorf("the guardian link is not on the site's address:\n%s", c.Transcript())
		}
		c.Mask(m[1], "<token>")
		id := youthOfChat(t, w, c.ID)
		own, err := w.Services.Youth.OwnPage(t.Context(), id)
		must(t, err)
		if own.Youth.Guardian.Name != "Gulnar Seitkali" || own.Youth.Guardian.Relation != "Мать" || len(own.Missing) != 1 {
			t.Errorf("the minor's guardian %+v, missing %v", own.Youth.Guardian, own.Missing)
		}
		// "My mentor" says what the match waits for and gives a new link,
		// which replaces the first.
		c.Cmd("/start")
		out := c.Press(tr(w, "ru", "youthbot.menu.mentor"))
		if !said(out, tr(w, "ru", "youth.missing.guardian_consent")) {
			t.Errorf("My mentor does not say the consent is missing:\n%s", c.Transcript())
		}
		c.Press(tr(w, "ru", "youthbot.new_guardian_link"))
		all := guardianToken.FindAllStringSubmatch(c.Transcript(), -1)
		if len(all) != 2 || all[1][1] == m[1] {
			t.Fatalf("no new guardian link:\n%s", c.Transcript())
		}
		if err := w.Services.Youth.AnswerGuardianLink(t.Context(), m[1], youth.GuardianConsents); err == nil {
			t.Error("the replaced link still answers")
		}
		must(t, w.Services.Youth.AnswerGuardianLink(t.Context(), all[1][1], youth.GuardianConsents))
		own, err = w.Services.Youth.OwnPage(t.Context(), id)
		must(t, err)
		if !own.Youth.Guardian.Consented() || len(own.Missing) != 0 {
			t.Errorf("after the guardian's consent: %+v, missing %v", own.Youth.Guardian, own.Missing)
		}
		before := len(c.Transcript())
		c.Cmd("/start")
		c.Press(tr(w, "ru", "youthbot.menu.mentor"))
		golden.Bytes(t, "minor_mentor", []byte(c.Transcript()[before:]))
	})
}
