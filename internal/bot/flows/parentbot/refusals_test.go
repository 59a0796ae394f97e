package parentbot_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/bot/notify"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/telegram/fakeapi"
	"github.com/jolproject/jol/internal/testworld"
)

// fill answers every question from the region to the consent with a
// valid application of a girl born on 4 March 2017; the chat stands at
// the summary after it.
func fill(t *testing.T, c *bottest.Chat, serial int) {
	t.Helper()
	c.PressAt(0, 0) // the region
	c.Text("Сәрсенова")
	c.Text("Айгерім")
	c.PressAt(0, 0) // no patronymic
	c.Text("04.03.2017")
	c.PressAt(0, 0) // female
	c.Text(iin(t, testworld.Day(2017, 3, 4), serial))
	c.Text("Сәрсенова")
	c.Text("Динара")
	c.PressAt(0, 0) // mother
	c.Contact("+77015550000", c.ID)
	c.PressAt(0, 0) // no distance
	c.PressAt(0, 0) // the kit
	c.PressAt(3, 0) // done
	c.PressAt(0, 0) // I agree
}

// text is every text the bot sent in calls, joined.
func text(calls []fakeapi.Call) string {
	var b strings.Builder
	for _, c := range calls {
		b.WriteString(c.Params["text"] + "\n")
	}
	return b.String()
}

// counts are the rows of every table an application writes.
func (f *fixture) counts(t *testing.T) []int {
	var n []int
	for _, table := range registryTables {
		n = append(n, f.count(t, table))
	}
	return n
}

// TestClosedBeforeConfirm: a campaign's deep link starts its application
// directly; the campaign closes while the parent answers; sending is
// refused in the chat's language and nothing is written. A key of no
// link says so.
func TestClosedBeforeConfirm(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		l, err := w.Services.BotLinks.Create(t.Context(), w.Principal(access.Coordinator),
			deeplink.Input{Kind: deeplink.Campaign, TargetID: f.c.ID})
		if err != nil {
			t.Fatal(err)
		}
		c := f.r.Chat(t, 7200, "ru")
		if got := text(c.Cmd("/start NoSuchKey0000000")); !strings.Contains(got, "Эта ссылка неизвестна") {
			t.Errorf("an unknown key: %q", got)
		}
		if got := text(c.Cmd("/start " + l.Key)); !strings.Contains(got, "Дорога в школу") || !strings.Contains(got, "несколько минут") {
			t.Fatalf("the campaign's link: %q, want the campaign's name and its application", got)
		}
		c.PressAt(0, 0) // apply
		fill(t, c, 50)
		before := f.counts(t)
		f.exec(t, `UPDATE campaigns SET status = 'closed' WHERE id = $1`, f.c.ID)
		got := text(c.PressAt(0, 0)) // send
		if !strings.Contains(got, "Приём заявок на эту кампанию закрыт.") {
			t.Errorf("sending to a closed campaign: %q", got)
		}
		if after := f.counts(t); !slices.Equal(before, after) {
			t.Errorf("rows of %v: %v before, %v after a refused application", registryTables, before, after)
		}
		if refs := f.references(t, c.ID); len(refs) != 0 {
			t.Errorf("the chat follows %v after a refusal", refs)
		}
	})
}

// TestAFailedApplicationLeavesNothing: the submission fails after the
// child and the guardian are written (the requests' gate refuses); the
// update's own part is undone, the refusal is told at the date of birth's
// question, and a corrected answer leads back to the summary.
func TestAFailedApplicationLeavesNothing(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		w.Services.Requests.SetHooks(requests.Hooks{Gate: func(context.Context, int64, time.Time, time.Time) error {
			return errs.Validation(errs.Field("birth_date", "error.request_outside_age", "Min", 6, "Max", 8))
		}})
		f := setup(t, w)
		c := f.r.Chat(t, 7300, "kk")
		c.Cmd("/start")
		c.PressAt(0, 0) // apply for help
		c.PressAt(0, 0) // the campaign
		c.PressAt(0, 0) // apply
		fill(t, c, 60)
		before := f.counts(t)
		out := c.PressAt(0, 0) // send
		got := text(out)
		if !strings.Contains(got, "6") || !strings.Contains(got, "Баланың туған күні?") {
			t.Errorf("the gate's refusal: %q, want the age range and the date of birth asked again", got)
		}
		if after := f.counts(t); !slices.Equal(before, after) {
			t.Errorf("rows of %v: %v before, %v after a failed application", registryTables, before, after)
		}
		if got := text(c.Text("04.03.2017")); !strings.Contains(got, "Жібермес бұрын өтінішті тексеріңіз") {
			t.Errorf("after the correction: %q, want the summary", got)
		}
	})
}

// TestAStatusChangeReachesTheChat: a request applied for in the chat that
// goes under review is told to the chat in its language, through the
// request outbox and the bot's, and /status then words it as the status
// page does.
func TestAStatusChangeReachesTheChat(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		c := f.r.Chat(t, 7700, "fa")
		c.Cmd("/start")
		c.PressAt(0, 0) // apply for help
		c.PressAt(0, 0) // the campaign
		c.PressAt(0, 0) // apply
		fill(t, c, 70)
		c.PressAt(0, 0) // send
		refs := f.references(t, c.ID)
		if len(refs) != 1 {
			t.Fatalf("the chat follows %v", refs)
		}
		var id int64
		var version int
		if err := w.DB.R.QueryRowContext(t.Context(), store.Rebind(w.DB.Engine, "SELECT id, version FROM requests WHERE reference = $1"),
			refs[0]).Scan(&id, &version); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Services.Requests.Transition(t.Context(), w.Principal(access.Coordinator), id,
			requests.Move{To: requests.UnderReview, Version: version}); err != nil {
			t.Fatal(err)
		}
		sender := &notify.Sender{Bot: f.r.Bot, Chats: w.Services.Conversations, Settings: w.Services.Settings,
			Catalog: w.Services.Catalog}
		if n, err := w.Services.Requests.Dispatch(t.Context(), sender, 100); err != nil || n != 2 {
			t.Fatalf("the outbox handed %d messages to the bot, %v; want the receipt and the review", n, err)
		}
		want := fmt.Sprintf("sendMessage chat_id=%d text=%q", c.ID, "درخواست "+refs[0]+" در حال بررسی است.")
		f.r.Fake.Wait(t, 10*time.Second, func() bool { return slices.Contains(f.r.Fake.Sends(), want) })
		if got := text(c.Cmd("/status")); !strings.Contains(got, "در حال بررسی") || !strings.Contains(got, refs[0]) {
			t.Errorf("/status after the review began: %q", got)
		}
	})
}
