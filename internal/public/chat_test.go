package public_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
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
		refs := make([]string, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				rc, err := f.s.ApplyByTelegram(ctx, "road", public.Chat{ID: 1000 + int64(i), Phone: mothersChat.Phone}, a)
				if err != nil {
					t.Errorf("application %d: %v", i, err)
				}
				refs[i] = rc.Reference
			})
		}
		wg.Wait()
		for i, ref := range refs {
			if ref != refs[0] || ref == "" {
				t.Fatalf("application %d got %q, the first %q", i, ref, refs[0])
			}
		}
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

// ForChat lists the requests of one chat, newest first, each as the
// status page reads it (and its page messages delivered by being shown),
// with its campaign's name; a page holds ChatPageSize of them.
func TestForChatListsOnlyThatChatsRequests(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		devices := requeststest.Open(t, w.DB, w.Clock.Now(), "devices", w.Foundation.ID, w.Foundation.Path, "KZ-75")
		f.exec(t, `INSERT INTO campaign_texts (campaign_id, locale, name) VALUES ($1, 'kk', 'Құрылғылар'), ($1, 'en', 'Devices')`, devices.ID)
		a := f.application(t)
		road, err := f.s.ApplyByTelegram(ctx, "road", mothersChat, a)
		if err != nil {
			t.Fatal(err)
		}
		a.Items = []public.Choice{{ItemID: devices.Kit}}
		laptop, err := f.s.ApplyByTelegram(ctx, "devices", mothersChat, a)
		if err != nil {
			t.Fatal(err)
		}
		son := f.application(t)
		son.FirstName, son.Sex, son.NationalID = "Нұрлан", people.Male, maleIIN(t, 43)
		son.GuardianFirstName, son.Relation = "Ерлан", public.Father
		fathers := public.Chat{ID: 42, Phone: "+7 702 000 11 22"}
		if _, err := f.s.ApplyByTelegram(ctx, "road", fathers, son); err != nil {
			t.Fatal(err)
		}
		byWeb := f.application(t)
		byWeb.FirstName, byWeb.NationalID = "Әсел", iin(t, birth, 44)
		if _, err := f.s.Apply(ctx, "road", "192.0.2.1", byWeb, false); err != nil {
			t.Fatal(err)
		}
		var roadID int64
		if err := f.DB.R.QueryRowContext(ctx, store.Rebind(f.DB.Engine, `SELECT id FROM requests WHERE reference = $1`), road.Reference).Scan(&roadID); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Services.Requests.Transition(ctx, w.Principal(access.Coordinator), roadID,
			requests.Move{To: requests.Rejected, Reason: requests.Duplicate, Version: 1}); err != nil {
			t.Fatal(err)
		}
		page, err := f.s.ForChat(ctx, mothersChat.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Requests) != 2 || page.Next != 0 {
			t.Fatalf("the mother's chat: %+v", page)
		}
		first, second := page.Requests[0], page.Requests[1]
		if first.Reference != laptop.Reference || first.Campaign.In("kk") != "Құрылғылар" || first.Status.Status != requests.Submitted ||
			second.Reference != road.Reference || second.Campaign.In("kk") != "Мектепке жол" || second.Campaign.In("fa") != "Road to School" {
			t.Errorf("the mother's chat, newest first: %+v", page.Requests)
		}
		seen, err := f.s.LookUp(ctx, "192.0.2.9", road.Reference, "8 701 555 12 34")
		if err != nil {
			t.Fatal(err)
		}
		if second.Status.Status != requests.Rejected || second.Reason != seen.Reason || seen.Reason != requests.Duplicate ||
			second.RequestID != seen.RequestID || len(second.Messages) != 2 || len(seen.Messages) != 2 {
			t.Errorf("by chat %+v; on the status page %+v", second.Status, seen)
		}
		// Shown in the chat, the page's messages are delivered; the chat's wait for the bot.
		var onPage, forChat int
		if err := f.DB.R.QueryRowContext(ctx, store.Rebind(f.DB.Engine, `SELECT
			count(CASE WHEN channel = 'status_page' AND state = 'pending' THEN 1 END),
			count(CASE WHEN channel = 'telegram' AND state = 'pending' THEN 1 END) FROM outbox WHERE request_id = $1`),
			first.RequestID).Scan(&onPage, &forChat); err != nil {
			t.Fatal(err)
		}
		if onPage != 0 || forChat != 1 {
			t.Errorf("pending after the chat's /status: %d for the page, %d for the chat; want 0 and 1", onPage, forChat)
		}
		if page, err := f.s.ForChat(ctx, fathers.ID, 0); err != nil || len(page.Requests) != 1 || page.Requests[0].Reference == road.Reference {
			t.Errorf("the father's chat: %+v (%v)", page, err)
		}
		if page, err := f.s.ForChat(ctx, 7, 0); err != nil || len(page.Requests) != 0 {
			t.Errorf("a chat of no request: %+v (%v)", page, err)
		}
		// Twenty more children of the mother's chat: two pages.
		for i := range public.ChatPageSize {
			child := w.Person(t, w.Child("Сәрсенов", fmt.Sprintf("Бала %d", i), birth))
			if _, err := w.Services.Requests.Submit(ctx, w.Principal(access.Coordinator), requests.Input{CampaignID: f.c.ID,
				PersonID: child.ID, ApplicantKind: requests.ByParent, ApplicantPhone: mothersChat.Phone, Channel: requests.Telegram,
				Chat: mothersChat.ID, Lines: []requests.LineInput{{ItemID: f.c.Kit}}, Via: "test"}); err != nil {
				t.Fatal(err)
			}
		}
		var refs []string
		for before, n := int64(0), 0; n == 0 || before != 0; n++ {
			page, err := f.s.ForChat(ctx, mothersChat.ID, before)
			if err != nil || n > 1 {
				t.Fatalf("page %d: %v", n+1, err)
			}
			for _, r := range page.Requests {
				refs = append(refs, r.Reference)
			}
			if want := []int{public.ChatPageSize, 2}[n]; len(page.Requests) != want {
				t.Errorf("page %d holds %d, want %d", n+1, len(page.Requests), want)
			}
			before = page.Next
		}
		if len(refs) != public.ChatPageSize+2 || refs[len(refs)-1] != road.Reference || refs[len(refs)-2] != laptop.Reference {
			t.Errorf("the pages list %v", refs)
		}
		slices.Sort(refs)
		if len(slices.Compact(refs)) != public.ChatPageSize+2 {
			t.Errorf("a request listed twice: %v", refs)
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
