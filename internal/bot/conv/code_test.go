package conv_test

import (
	"context"

	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// linkEngine is the engine of w's own service: codes are keyed by the
// service that issued them.
func linkEngine(t *testing.T, w *testworld.World) *conv.Engine {
	t.Helper()
	e, err := w.Services.Conversations.Engine()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func linked(t *testing.T, w *testworld.World, chat int64) int64 {
	t.Helper()
	id, ok, err := w.Services.Conversations.LinkedUser(t.Context(), w.DB.R, chat)
	if err != nil {
		t.Fatal(err)
	}
	if !ok && id != 0 {
		t.Fatalf("not linked, yet user %d", id)
	}
	return id
}

// TestLinkWithCode links a chat to the account whose code is typed,
// once, with the change log's entry; a second chat of the same user
// takes the link over; unlinking from the web ends it.
func TestLinkWithCode(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, mentor := t.Context(), w.Principal(access.Mentor)
		e := linkEngine(t, w)
		code, err := w.Services.Conversations.IssueCode(ctx, mentor)
		if err != nil {
			t.Fatal(err)
		}
		if len(code.Text) != 11 || code.Start != "link-"+strings.ReplaceAll(code.Text, "-", "") {
			t.Fatalf("code %+v", code)
		}
		c := bottest.Direct(t, w, e, 4001, "ru")
		if out := c.Cmd("/link " + strings.ToLower(code.Text)); !strings.Contains(out[0].Text, w.Users[access.Mentor].Name) {
			t.Errorf("linking said %q", out[0].Text)
		}
		if got := linked(t, w, 4001); got != mentor.UserID {
			t.Errorf("chat linked to %d, want %d", got, mentor.UserID)
		}
		if out := bottest.Direct(t, w, e, 4002, "ru").Cmd("/link " + code.Text); !strings.Contains(out[0].Text, "Код недействителен") {
			t.Errorf("a used code said %q", out[0].Text)
		}
		var entries int
		if err := w.DB.R.QueryRow(store.Rebind(w.DB.Engine, "SELECT count(*) FROM audit_log WHERE entity = 'bot_chat' AND action = 'link' AND entity_id = '4001'")).Scan(&entries); err != nil || entries != 1 {
			t.Errorf("change log entries of the link: %d, %v", entries, err)
		}
		// Another chat of the same user takes the link over, by the deep link.
		code, _ = w.Services.Conversations.IssueCode(ctx, mentor)
		bottest.Direct(t, w, e, 4003, "kk").Cmd("/start " + code.Start)
		if linked(t, w, 4001) != 0 || linked(t, w, 4003) != mentor.UserID {
			t.Errorf("after a second chat linked: 4001 → %d, 4003 → %d", linked(t, w, 4001), linked(t, w, 4003))
		}
		st, err := w.Services.Conversations.Linking(ctx, mentor)
		if err != nil || !st.Linked || st.CodePending {
			t.Errorf("linking status %+v, %v", st, err)
		}
		if err := w.Services.Conversations.Unlink(ctx, mentor); err != nil {
			t.Fatal(err)
		}
		if linked(t, w, 4003) != 0 {
			t.Error("unlinking left the chat linked")
		}
		q := store.Rebind(w.DB.Engine, "SELECT count(*) FROM audit_log WHERE entity = 'bot_chat' AND action = 'unlink' AND entity_id = '4003'")
		if err := w.DB.R.QueryRow(q).Scan(&entries); err != nil || entries != 1 {
			t.Errorf("change log entries of the unlink: %d, %v", entries, err)
		}
		if err := w.Services.Conversations.Unlink(ctx, mentor); err != nil {
			t.Errorf("unlinking what is not linked: %v", err)
		}
	})
}

// TestCodeExpiresAndVoids refuses a code after its ten minutes, and after
// five wrong tries even the right one; a new code replaces the old.
func TestCodeExpiresAndVoids(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, op := t.Context(), w.Principal(access.Operator)
		e := linkEngine(t, w)
		c := bottest.Direct(t, w, e, 5001, "ru")
		code, _ := w.Services.Conversations.IssueCode(ctx, op)
		w.Clock.Advance(conv.CodeTTL + time.Second)
		c.Cmd("/link " + code.Text)
		if linked(t, w, 5001) != 0 {
			t.Fatal("an expired code linked")
		}
		old, _ := w.Services.Conversations.IssueCode(ctx, op)
		code, _ = w.Services.Conversations.IssueCode(ctx, op)
		c.Cmd("/link " + old.Text)
		if linked(t, w, 5001) != 0 {
			t.Fatal("a replaced code linked")
		}
		for i := range conv.MaxAttempts {
			c.Cmd("/link " + wrong(code.Text, i))
		}
		c.Cmd("/link " + code.Text)
		if linked(t, w, 5001) != 0 {
			t.Fatal("the right code linked after five wrong tries")
		}
		code, _ = w.Services.Conversations.IssueCode(ctx, op)
		for i := range conv.MaxAttempts - 1 {
			c.Cmd("/link " + wrong(code.Text, i))
		}
		c.Cmd("/link " + code.Text)
		if linked(t, w, 5001) != op.UserID {
			t.Fatal("the right code did not link after four wrong tries")
		}
	})
}

// TestParallelWrongTriesCountFive sends 100 wrong tries of one code at
// once, each from a chat of its own in a transaction of its own, as the
// dispatcher runs chats side by side: exactly five attempts are taken,
// and the right code no longer works.
func TestParallelWrongTriesCountFive(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, sch := t.Context(), w.Principal(access.SchoolStaff)
		e := linkEngine(t, w)
		code, err := w.Services.Conversations.IssueCode(ctx, sch)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 100)
		for i := range 100 {
			wg.Go(func() {
				u := bot.Update{ID: int64(i + 1), ChatID: int64(7000 + i), UserID: int64(7000 + i), Kind: bot.KindCommand,
					Command: "link", Args: wrong(code.Text, i)}
				errs <- w.DB.Atomic(context.Background(), func(tx *store.Tx) error {
					_, err := e.Handle(context.Background(), tx, u)
					return err
				})
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		var attempts int
		q := store.Rebind(w.DB.Engine, "SELECT attempts FROM bot_link_codes WHERE user_id = $1")
		if err := w.DB.R.QueryRow(q, sch.UserID).Scan(&attempts); err != nil || attempts != conv.MaxAttempts {
			t.Errorf("attempts after 100 wrong tries: %d, %v; want %d", attempts, err, conv.MaxAttempts)
		}
		bottest.Direct(t, w, e, 7999, "fa").Cmd("/link " + code.Text)
		if linked(t, w, 7999) != 0 {
			t.Error("the right code linked after 100 wrong tries")
		}
	})
}

// wrong is code with its last character changed: the same selector, a
// wrong secret, different for each i below 31.
func wrong(code string, i int) string {
	const alpha = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
	last := strings.IndexByte(alpha, code[len(code)-1])
	return code[:len(code)-1] + string(alpha[(last+1+i%31)%len(alpha)])
}
