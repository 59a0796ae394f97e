package main

import (
	"context"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/telegram/fakeapi"
)

// With a token, serve learns the bot's username from getMe and the deep
// links use it while the setting is empty; nothing is saved, and an
// admin's setting wins.
func TestServeLearnsTheBotsUsername(t *testing.T) {
	fake := fakeapi.New(t)
	s := startServerConfig(t, false, serveConfig{telegram: telegramConfig{token: fake.Token, api: fake.URL}})
	ctx, st := context.Background(), s.app.Settings
	fake.Wait(t, 10*time.Second, func() bool {
		got, err := st.Get(ctx)
		return err == nil && got.BotUsername == "jol_test_bot"
	})
	stored, err := st.Stored(ctx)
	if err != nil || stored.BotUsername != "" {
		t.Fatalf("the learned name was saved: %+v, %v", stored, err)
	}
	stored.BotUsername = "jol_admin_bot"
	if err := st.Update(ctx, access.System, stored); err != nil {
		t.Fatal(err)
	}
	if got, err := st.Get(ctx); err != nil || got.BotUsername != "jol_admin_bot" {
		t.Fatalf("after the admin set it: %q, %v", got.BotUsername, err)
	}
}
