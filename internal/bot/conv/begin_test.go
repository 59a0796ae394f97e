package conv_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func begin(t *testing.T, w *testworld.World, e *conv.Engine, chat int64, data map[string]string) ([]bot.Message, error) {
	t.Helper()
	var out []bot.Message
	err := w.DB.Atomic(context.Background(), func(tx *store.Tx) error {
		var err error
		out, err = e.Begin(context.Background(), tx, chat, "probe", data)
		return err
	})
	return out, err
}

// TestBeginAsksAChatAtTheMenu: a flow begun from outside asks its first
// question with the answers given; the chat answers it as any other, and
// a chat in the middle of a flow is left alone.
func TestBeginAsksAChatAtTheMenu(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		e := engine(t, w)
		c := bottest.Direct(t, w, e, 81, "ru")
		c.Cmd("/start")
		out, err := begin(t, w, e, 81, map[string]string{"name": "Dana"})
		if err != nil || len(out) != 1 || out[0].ChatID != 81 || out[0].Text != "probe: your name?" {
			t.Fatalf("Begin gave %+v, %v", out, err)
		}
		c.Text("Dana")
		c.PressAt(0, 1)
		out = c.Contact("+77010000003", c.ID)
		if !strings.Contains(out[1].Text, "Dana, b, +77010000003") {
			t.Errorf("the begun flow ended with %q", out[1].Text)
		}

		// In the middle of the flow now: not broken into.
		c.Cmd("/start")
		c.PressAt(0, 0) // the probe from the menu
		c.Text("Yerlan")
		if _, err := begin(t, w, e, 81, nil); !errors.Is(err, conv.ErrBusy) {
			t.Fatalf("Begin in the middle of a flow: %v, want ErrBusy", err)
		}
		out = c.PressAt(0, 0) // the colour question still stands
		if len(out) != 2 || out[1].AskContact == "" {
			t.Errorf("after a refused Begin the colour's button led to %+v", out)
		}

		// A chat never seen is begun too, in the installation's language.
		if out, err := begin(t, w, e, 82, nil); err != nil || len(out) != 1 || len(out[0].Buttons) != 0 {
			t.Errorf("a new chat: %+v, %v", out, err)
		}
	})
}

// TestBeginAndAnUpdateOfTheChatTakeTurns: on PostgreSQL an update of a
// chat that a notifier is beginning a flow in waits for it, and answers
// the begun question instead of writing over it.
func TestBeginAndAnUpdateOfTheChatTakeTurns(t *testing.T) {
	w := testworld.New(t, storetest.Postgres(t))
	e := engine(t, w)
	c := bottest.Direct(t, w, e, 83, "ru")
	c.Cmd("/start")
	begun, release := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- w.DB.Atomic(context.Background(), func(tx *store.Tx) error {
			_, err := e.Begin(context.Background(), tx, 83, "probe", nil)
			close(begun)
			<-release
			return err
		})
	}()
	<-begun
	answered := make(chan []bot.Message, 1)
	go func() { answered <- c.Text("Dana") }()
	select {
	case out := <-answered:
		t.Fatalf("the update ran before the Begin committed: %+v", out)
	case <-time.After(300 * time.Millisecond):
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	out := <-answered
	if len(out) != 1 || !strings.Contains(out[0].Text, "Dana, a colour?") {
		t.Errorf("after the Begin the text got %+v, want the begun flow's next question", out)
	}
}
