package conv_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/testworld"
)

// A link code shown before a restart is taken after it: the key of the
// codes' hashes is the installation's, not the process's; a service that
// was never given it refuses the code.
func TestLinkCodeOutlivesARestart(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, mentor := t.Context(), w.Principal(access.Mentor)
		code, err := w.Services.Conversations.IssueCode(ctx, mentor)
		if err != nil {
			t.Fatal(err)
		}
		svc := w.Services
		later := func(stored bool) *conv.Engine {
			s, err := conv.New(w.DB, svc.Audit, conv.Deps{Links: svc.BotLinks, Settings: svc.Settings,
				Accounts: svc.Accounts, Catalog: svc.Catalog}, w.Clock.Now)
			if err != nil {
				t.Fatal(err)
			}
			if stored {
				if err := s.UseStoredKey(ctx); err != nil {
					t.Fatal(err)
				}
			}
			e, err := s.Engine()
			if err != nil {
				t.Fatal(err)
			}
			return e
		}
		bottest.Direct(t, w, later(false), 4101, "ru").Cmd("/link " + code.Text)
		if linked(t, w, 4101) != 0 {
			t.Fatal("a code was taken under another key")
		}
		bottest.Direct(t, w, later(true), 4102, "ru").Cmd("/link " + code.Text)
		if got := linked(t, w, 4102); got != mentor.UserID {
			t.Fatalf("after the restart the chat is linked to %d, want %d", got, mentor.UserID)
		}
	})
}
