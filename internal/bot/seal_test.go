package bot_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// A message with a secret that is given up, because its user blocked the
// bot before it went, keeps its sealed text only; a simulated chat's
// message keeps its text for the simulator.
func TestAGivenUpSecretIsSealed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		s := newService(t, db)
		sim := bot.SimulatedChat(4)
		if err := db.Atomic(ctx, func(tx *store.Tx) error {
			return s.Queue(ctx, tx, bot.Message{ChatID: 42, Text: "code 123456", Sealed: "code ••••••"},
				bot.Message{ChatID: sim, Text: "code 654321", Sealed: "code ••••••"})
		}); err != nil {
			t.Fatal(err)
		}
		kicked := text(9, 42, "")
		kicked.Kind, kicked.Member = bot.KindMember, "kicked"
		if _, err := s.Store(ctx, kicked); err != nil {
			t.Fatal(err)
		}
		drain(t, s.Dispatcher(newEcho()))
		got, err := s.Messages(ctx, 42, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 || got[0].State != "failed" || got[0].Message.Text != "code ••••••" || got[0].Message.Sealed != "" {
			t.Errorf("the blocked chat's message: %+v", got)
		}
		var holding int
		if err := db.R.QueryRowContext(ctx, "SELECT count(*) FROM bot_outbox WHERE payload LIKE '%123456%'").Scan(&holding); err != nil {
			t.Fatal(err)
		}
		if holding != 0 {
			t.Errorf("%d rows hold the code", holding)
		}
		if got, err := s.Messages(ctx, sim, 0); err != nil || len(got) != 1 || !strings.Contains(got[0].Message.Text, "654321") {
			t.Errorf("the simulated chat's message: %+v, %v", got, err)
		}
	})
}
