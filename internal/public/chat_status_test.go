package public_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

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
