package staffbot_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/bot/flows/staffbot"
	"github.com/jolproject/jol/internal/testworld"
)

// TestNoticesGoOnce tells a mentor of the young person proposed to them
// (with the proposal's buttons), a volunteer of the task given to them
// and a centre's staff of the delivery dispatched to them, each in the
// language their chat chose, once however often the notifier runs; a
// chat in the middle of another flow gets a plain notice, and a login
// not linked to a chat is told nothing.
func TestNoticesGoOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		mentors, _ := proposed(t, w)
		volunteers, _ := assigned(t, w)
		centres := dispatched(t, w)
		e := engine(t, w)
		chats := map[string]*bottest.DirectChat{}
		for id, p := range map[int64]struct {
			lang  string
			login int64
		}{
			601: {"ru", mentors["ru"].ID}, 602: {"fa", volunteers["fa"].ID}, 603: {"kk", centres["kk"].staff.ID},
			604: {"kk", mentors["kk"].ID},
		} {
			c := bottest.Direct(t, w, e, id, p.lang)
			u, err := w.Services.Accounts.Lookup(t.Context(), p.login)
			must(t, err)
			link(t, c, u.Principal())
			c.Cmd("/language")
			c.PressValue(p.lang)
			chats[p.lang+"-"+u.Email] = c
		}
		busy := chats["kk-"+mentors["kk"].Email]
		busy.PressValue("f:staff_session") // in the middle of another flow
		n, err := staffbot.NewNotifier(w.Services, w.DB, e, w.Clock.Now)
		must(t, err)
		sent, err := n.Once(t.Context())
		must(t, err)
		if sent != 4 {
			t.Errorf("the first run sent %d notices, want 4", sent)
		}
		if sent, err = n.Once(t.Context()); err != nil || sent != 0 {
			t.Errorf("the second run sent %d notices (%v), want none", sent, err)
		}
		want := map[int64]string{
			601: "Вам предложено стать наставником: Seitkali Asel ru",
			602: "وظیفه\u200cای به شما سپرده شد: نصب نرم\u200cافزار",
			603: "Centre kk мекемесіне Central warehouse қоймасынан жеткізілім жөнелтілді: 3 дана.",
			604: "Сізге тәлімгер ретінде жас адам ұсынылды.",
		}
		for id, text := range want {
			ms, err := w.Services.Bot.Messages(t.Context(), id, 0)
			must(t, err)
			var notices []bot.Message
			for _, m := range ms {
				if strings.Contains(m.Message.Text, text) {
					notices = append(notices, m.Message)
				}
			}
			if len(notices) != 1 {
				t.Errorf("chat %d: %d messages with %q", id, len(notices), text)
				continue
			}
			if id == 601 && (len(notices[0].Buttons) != 3 || !strings.HasSuffix(notices[0].Buttons[0][0].Data, ":accept")) {
				t.Errorf("the mentor's notice has buttons %+v", notices[0].Buttons)
			}
		}
		// The notice's accept button begins the mentorship.
		c := chats["ru-"+mentors["ru"].Email]
		ms, err := w.Services.Bot.Messages(t.Context(), 601, 0)
		must(t, err)
		c.Write(ms[len(ms)-1].Message)
		if out := c.PressValue("accept"); !strings.Contains(out[1].Text, "наставничество началось") {
			t.Errorf("accepting from the notice: %+v", out)
		}
		// Nobody else heard anything.
		for _, other := range []int64{mentors["fa"].ID, volunteers["kk"].ID, centres["ru"].staff.ID} {
			var k int
			must(t, w.DB.R.QueryRowContext(t.Context(), rebind(w, "SELECT count(*) FROM bot_staff_notices WHERE user_id = $1"),
				other).Scan(&k))
			if k != 0 {
				t.Errorf("user %d, linked to no chat, was sent %d notices", other, k)
			}
		}
	})
}
