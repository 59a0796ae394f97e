package bot_test

import (
	"testing"
	"time"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestSimulatorTalksInItsOwnRangeAndReadsBothSides(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		s := newService(t, db)
		// A real update from Telegram is there already.
		if _, err := s.Store(ctx, text(7, 42, "real")); err != nil {
			t.Fatal(err)
		}
		a, err := s.Simulate(ctx, 3, bot.Update{Kind: bot.KindText, Text: "one"})
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.Simulate(ctx, 3, bot.Update{Kind: bot.KindContact, Phone: "+77010000000"})
		if err != nil {
			t.Fatal(err)
		}
		if a.ID >= 0 || b.ID != a.ID+1 || !bot.IsSimulatedUpdate(a.ID) || bot.IsSimulatedUpdate(7) {
			t.Errorf("ids %d, %d: want negative and consecutive", a.ID, b.ID)
		}
		chat := bot.SimulatedChat(3)
		if a.ChatID != chat || a.UserID != chat || b.ContactUserID != chat {
			t.Errorf("update %+v, %+v: want the user's simulated chat as sender", a, b)
		}
		if ok, err := s.Processed(ctx, a.ID, 0); err != nil || ok {
			t.Errorf("processed before dispatch: %v, %v", ok, err)
		}
		drain(t, s.Dispatcher(newEcho()))
		if ok, err := s.Processed(ctx, b.ID, time.Second); err != nil || !ok {
			t.Errorf("not processed after dispatch: %v, %v", ok, err)
		}
		tr, err := s.Transcript(ctx, chat, 50)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range tr {
			switch {
			case e.In != nil:
				got = append(got, "in:"+e.In.Text+e.In.Phone+":"+e.State)
			default:
				got = append(got, "out:"+e.Out.Message.Text+":"+e.Out.State)
			}
		}
		want := []string{"in:one:done", "out:seen: one:sent", "in:+77010000000:done", "out:seen: :sent"}
		if len(got) != len(want) {
			t.Fatalf("transcript %q, want %q", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("transcript %q, want %q", got, want)
				break
			}
		}
	})
}

func TestStoppedChatsArePagedByChat(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		s := newService(t, db)
		var us []bot.Update
		for i, chat := range []int64{11, 12, 13} {
			u := text(int64(i+1), chat, "hi")
			u.Kind, u.Member = bot.KindMember, "kicked"
			us = append(us, u)
		}
		us = append(us, text(9, 14, "still here"))
		if _, err := s.Store(ctx, us...); err != nil {
			t.Fatal(err)
		}
		drain(t, s.Dispatcher(newEcho()))
		page, next, err := s.StoppedChats(ctx, store.Page{Limit: 2})
		if err != nil || len(page) != 2 || page[0].ChatID != 13 || page[1].ChatID != 12 || next != "12" {
			t.Fatalf("first page %+v, next %q, %v", page, next, err)
		}
		if page[0].StoppedAt.IsZero() {
			t.Errorf("no stopping date: %+v", page[0])
		}
		page, next, err = s.StoppedChats(ctx, store.ParsePage(next, "2"))
		if err != nil || len(page) != 1 || page[0].ChatID != 11 || next != "" {
			t.Errorf("second page %+v, next %q, %v", page, next, err)
		}
	})
}
