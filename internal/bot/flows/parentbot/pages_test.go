package parentbot_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/telegram/fakeapi"
	"github.com/jolproject/jol/internal/testworld"
)

// buttons are the labels of the inline keyboard of the last call that
// has one.
func buttons(t *testing.T, calls []fakeapi.Call) []string {
	t.Helper()
	var labels []string
	for _, c := range calls {
		var m struct {
			Inline [][]struct {
				Text string `json:"text"`
			} `json:"inline_keyboard"`
		}
		if c.Params["reply_markup"] == "" || json.Unmarshal([]byte(c.Params["reply_markup"]), &m) != nil || len(m.Inline) == 0 {
			continue
		}
		labels = labels[:0]
		for _, row := range m.Inline {
			for _, b := range row {
				labels = append(labels, b.Text)
			}
		}
	}
	return labels
}

// TestCampaignsArePaged: eight campaigns taking applications are listed
// six and two, with "More campaigns" and "Back"; a closed one is not.
func TestCampaignsArePaged(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w) // "road"
		for i := range 8 {
			requeststest.Open(t, w.DB, w.Clock.Now(), fmt.Sprintf("camp-%d", i), w.Foundation.ID, w.Foundation.Path, "KZ-75")
		}
		f.exec(t, `UPDATE campaigns SET status = 'closed' WHERE slug = 'camp-7'`)
		c := f.r.Chat(t, 7500, "en")
		c.Cmd("/start")
		first := buttons(t, c.PressAt(0, 0))
		if len(first) != 6+2 || first[6] != "More campaigns" || first[7] != "Main menu" {
			t.Fatalf("the first page: %q, want six campaigns, More campaigns and Main menu", first)
		}
		second := buttons(t, c.PressAt(6, 0))
		if len(second) != 2+2 || second[2] != "Back" {
			t.Fatalf("the second page: %q, want two campaigns, Back and Main menu", second)
		}
		if again := buttons(t, c.PressAt(2, 0)); len(again) != 8 {
			t.Errorf("back on the first page: %q", again)
		}
	})
}

// TestStatusIsPaged: a chat that follows 21 requests sees the newest 20,
// each a message, and the oldest one after "Older requests".
func TestStatusIsPaged(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		chat := public.Chat{ID: 7600, Phone: "+77015556677"}
		birth := testworld.Day(2016, 5, 6)
		for i := range public.ChatPageSize + 1 {
			if i%public.ApplyPerAddress == 0 {
				w.Clock.Advance(public.Window + time.Minute) // the chat's limit on applications
			}
			id, err := natid.MakeIIN(birth, natid.Male, 100+i)
			if err != nil {
				t.Fatal(err)
			}
			_, err = w.Services.Public.ApplyByTelegram(t.Context(), "road", chat, public.Application{LastName: "Бекұлы",
				FirstName: fmt.Sprintf("Нұр%c", 'а'+rune(i)), BirthDate: birth, Sex: people.Male, NationalID: id,
				GuardianLastName: "Бекова", GuardianFirstName: "Сая", Relation: public.Mother, RegionCode: "KZ-75",
				Items: []public.Choice{{ItemID: f.c.Kit}}, Consent: true, Locale: "kk"})
			if err != nil {
				t.Fatal(err)
			}
		}
		c := f.r.Chat(t, chat.ID, "en")
		out := c.Cmd("/status")
		if len(out) != public.ChatPageSize+1 || buttons(t, out)[0] != "Older requests" {
			t.Fatalf("/status sent %d messages with %q, want 20 requests and the question", len(out), buttons(t, out))
		}
		out = c.PressAt(0, 0)
		if len(out) != 3 || buttons(t, out)[0] == "Older requests" { // the button's answer, the oldest, the question
			t.Errorf("the older page: %d calls, buttons %q", len(out), buttons(t, out))
		}
	})
}
