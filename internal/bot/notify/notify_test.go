package notify_test

import (
	"errors"
	"os"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/notify"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// A chat that chose no language and a message in none Jol speaks are
// written in the installation's language; a message with no chat or no
// text is refused for good, and nothing is queued for it.
func TestFallbacksAndRefusals(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, svc := t.Context(), w.Services
		set, err := svc.Settings.Get(ctx)
		if err != nil {
			t.Fatal(err)
		}
		set.DefaultLocale = "fr"
		if err := svc.Settings.Update(ctx, access.System, set); err != nil {
			t.Fatal(err)
		}
		snd := &notify.Sender{Bot: svc.Bot, Chats: svc.Conversations, Settings: svc.Settings, Catalog: svc.Catalog}
		const chat = 5_000_000_077
		msg := requests.Message{Address: "5000000077", Locale: "de", Key: "requestnotice.under_review",
			Args: map[string]string{"Reference": "ABC-DEF-GHJ"}}
		for _, m := range []requests.Message{{Address: "nobody", Key: msg.Key}, {Address: msg.Address, Key: "no.such.key"}} {
			err := w.DB.Atomic(ctx, func(tx *store.Tx) error { return snd.SendIn(ctx, tx, m) })
			if !errors.Is(err, requests.ErrUndeliverable) {
				t.Errorf("%+v: %v, want undeliverable", m, err)
			}
		}
		if err := w.DB.Atomic(ctx, func(tx *store.Tx) error { return snd.SendIn(ctx, tx, msg) }); err != nil {
			t.Fatal(err)
		}
		got, err := svc.Bot.Messages(ctx, chat, 0)
		if err != nil {
			t.Fatal(err)
		}
		want := svc.Catalog.Localizer("fr").T(msg.Key, msg.Args)
		if len(got) != 1 || got[0].Message.Text != want || want == msg.Key {
			t.Fatalf("queued %+v, want one %q", got, want)
		}
	})
}
