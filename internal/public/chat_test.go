package public_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// mothersChat is the mother's chat, with the number it shared through
// Telegram's contact button: the phone of the form's application.
var mothersChat = public.Chat{ID: 5_123_456_789, Phone: "77015551234"}

// chatOf is the chat that follows request ref, 0 when none does.
func (f *fixture) chatOf(t testing.TB, ref string) int64 {
	t.Helper()
	var chat int64
	err := f.DB.R.QueryRowContext(ctx, store.Rebind(f.DB.Engine, `SELECT COALESCE(max(c.chat_id), 0)
		FROM request_chats c JOIN requests r ON r.id = c.request_id WHERE r.reference = $1`), ref).Scan(&chat)
	if err != nil {
		t.Fatal(err)
	}
	return chat
}

// An application by Telegram is checked by the form's rules and refused
// with the form's keys; one accepted is the form's request, by the
// channel Telegram, with the chat's phone as the guardian's, and the
// request remembers the chat.
func TestATelegramApplicationFollowsTheFormsRules(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.rules(t, eligibility.Rules{All: eligibility.Criteria{Age: &eligibility.Range{Min: 6, Max: 10}}})
		teen := f.application(t)
		teen.BirthDate, teen.ChildAssent = testworld.Day(2012, 3, 4), true
		teen.NationalID = iin(t, teen.BirthDate, 4)
		_, byWeb := f.s.Apply(ctx, "road", "192.0.2.1", teen, false)
		_, byChat := f.s.ApplyByTelegram(ctx, "road", mothersChat, teen)
		if got := keys(byChat); !slices.Contains(got, "birth_date:error.request_outside_age") || !slices.Equal(got, keys(byWeb)) {
			t.Errorf("a girl of fourteen by Telegram: %v; by the form: %v", got, keys(byWeb))
		}
		bad := public.Chat{ID: mothersChat.ID, Phone: "12"}
		if _, err := f.s.ApplyByTelegram(ctx, "road", bad, f.application(t)); !slices.Contains(keys(err), "guardian_phone:public.error.phone") {
			t.Errorf("a chat's phone of two digits: %v", keys(err))
		}
		for _, table := range registryTables {
			if n := f.count(t, table); n != 0 {
				t.Fatalf("%d rows in %s after refused applications", n, table)
			}
		}
		a := f.application(t)
		a.GuardianPhone = "whatever the form field held" // the chat's number is the one recorded
		rc, err := f.s.ApplyByTelegram(ctx, "road", mothersChat, a)
		if err != nil {
			t.Fatal(err)
		}
		var channel, phone, via, actor string
		if err := f.DB.R.QueryRowContext(ctx, store.Rebind(f.DB.Engine, `SELECT r.channel, r.applicant_phone, e.via, e.actor_name
			FROM requests r JOIN request_events e ON e.request_id = r.id WHERE r.reference = $1`), rc.Reference).
			Scan(&channel, &phone, &via, &actor); err != nil {
			t.Fatal(err)
		}
		if channel != "telegram" || phone != "77015551234" || via != "telegram" || actor != "Telegram bot" {
			t.Errorf("the request by %s, phone %q, via %s, by %q", channel, phone, via, actor)
		}
		if chat := f.chatOf(t, rc.Reference); chat != mothersChat.ID {
			t.Errorf("the request follows chat %d, want %d", chat, mothersChat.ID)
		}
		// The status page finds it by the chat's phone as typed on the page.
		if st, err := f.s.LookUp(ctx, "192.0.2.2", rc.Reference, "+7 701 555 12 34"); err != nil || st.Status != requests.Submitted {
			t.Errorf("the status page: %+v, %v", st, err)
		}
		if _, err := f.s.ApplyByTelegram(ctx, "road", public.Chat{Phone: mothersChat.Phone}, a); err == nil {
			t.Error("an application by Telegram without a chat was taken")
		}
	})
}

// An application that fails after the registry's writes leaves no chat
// behind either: the chat is written in the application's transaction.
func TestAFailedTelegramApplicationLeavesNothing(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		reached := false
		w.Services.Requests.SetHooks(requests.Hooks{Gate: func(context.Context, int64, time.Time, time.Time) error {
			reached = true
			return errors.New("the disk is full")
		}})
		if _, err := f.s.ApplyByTelegram(ctx, "road", mothersChat, f.application(t)); err == nil || !reached {
			t.Fatalf("the submission failing: %v (reached %v)", err, reached)
		}
		for _, table := range append(registryTables, "request_chats") {
			if n := f.count(t, table); n != 0 {
				t.Errorf("%d rows left in %s", n, table)
			}
		}
	})
}

// Fifty applications by Telegram for one new child at once, from fifty
// chats sharing the mother's number, make one request, as the form's do;
// the chat that follows it is one of theirs. One chat is limited as one
// client address is.
func TestFiftyTelegramApplicationsForOneChildAtOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		a := f.application(t)
		const n = 50
		refs := sameReference(t, n, func(i int) (public.Receipt, error) {
			return f.s.ApplyByTelegram(ctx, "road", public.Chat{ID: 1000 + int64(i), Phone: mothersChat.Phone}, a)
		})
		for table, want := range map[string]int{"persons": 2, "requests": 1, "consents": 1, "request_lines": 1, "request_chats": 1} {
			if got := f.count(t, table); got != want {
				t.Errorf("%d rows in %s, want %d", got, table, want)
			}
		}
		if chat := f.chatOf(t, refs[0]); chat < 1000 || chat >= 1000+n {
			t.Errorf("the request follows chat %d", chat)
		}
		for i := range public.ApplyPerAddress {
			if _, err := f.s.ApplyByTelegram(ctx, "road", mothersChat, a); err != nil {
				t.Fatalf("the chat's application %d: %v", i+1, err)
			}
		}
		if _, err := f.s.ApplyByTelegram(ctx, "road", mothersChat, a); !errors.Is(err, public.ErrLimited) {
			t.Errorf("the chat's application %d: %v, want limited", public.ApplyPerAddress+1, err)
		}
	})
}

// maleIIN is a boy's IIN for birth.
func maleIIN(t *testing.T, serial int) string {
	t.Helper()
	n, err := natid.MakeIIN(birth, natid.Male, serial)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
