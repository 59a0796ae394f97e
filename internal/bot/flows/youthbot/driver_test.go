package youthbot_test

import (
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/bot/flows"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// engine is a new engine over w with every flow of the bot.
func engine(t testing.TB, w *testworld.World) *conv.Engine {
	t.Helper()
	fs, err := flows.All(w.Services)
	if err != nil {
		t.Fatal(err)
	}
	e, err := w.Services.Conversations.Engine(fs...)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// said reports whether any message of out holds s.
func said(out []bot.Message, s string) bool {
	for _, m := range out {
		if strings.Contains(m.Text, s) {
			return true
		}
	}
	return false
}
