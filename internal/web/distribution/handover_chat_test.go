package distribution_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/web/webtest"
)

// The handover screen says where the code went: the family's Telegram
// chat when one follows the request, else the end of the phone.
func TestTheHandoverScreenSaysTheCodeWentToTheChat(t *testing.T) {
	f := setup(t)
	codes := f.Svc.Requests.Outbox(requests.SMS)
	codes.FollowChat = true
	f.Svc.Distribution.SetSender(codes)
	chat, phone := f.request(t, "Akhmetova", "Dana"), f.request(t, "Bekov", "Arman")
	if _, err := f.DB.W.Exec("INSERT INTO request_chats (request_id, chat_id, created_at) VALUES ($1, $2, $3)",
		chat.ID, int64(5_000_000_042), webtest.Clock()); err != nil {
		t.Fatal(err)
	}
	c := f.Login(t, "coord@example.org")
	day := url.Values{"campaign_id": {webtest.Itoa(f.campaign.ID)}, "warehouse_id": {webtest.Itoa(f.point.ID)},
		"place": {"School gym"}, "starts_on": {"2026-09-05"}, "starts_time": {"09:00"}, "ends_time": {"15:00"},
		"whole_point": {"on"}}
	r := c.Post("/distribution", day)
	if r.Status != http.StatusSeeOther {
		t.Fatalf("plan a day: %d", r.Status)
	}
	event := r.Location
	if r = c.Post(event+"/status", url.Values{"to": {"open"}, "version": {"1"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("open the day: %d", r.Status)
	}
	for _, tc := range []struct {
		id        int64
		want, not string
	}{
		{chat.ID, "A code was sent to the family&#39;s Telegram chat", "…1234"},
		{phone.ID, "A code was sent to …1234", "Telegram chat"},
	} {
		r = c.Post(event+"/code", url.Values{"request_id": {webtest.Itoa(tc.id)}, "proof": {"code"}})
		if r.Status != http.StatusSeeOther {
			t.Fatalf("send a code: %d %s", r.Status, r.Body)
		}
		r = c.Get(r.Location)
		state := strings.SplitN(r.Body, `id="code-state">`, 2)
		if len(state) != 2 || !strings.HasPrefix(state[1], tc.want) || strings.Contains(r.Body, tc.not) {
			t.Errorf("request %d: the screen says %q, want %q and no %q", tc.id, r.Body, tc.want, tc.not)
		}
	}
	var to string
	if err := f.DB.R.QueryRow("SELECT channel FROM outbox WHERE request_id = $1 AND message_key = $2",
		chat.ID, "distribution.code_message").Scan(&to); err != nil || to != string(requests.TelegramCh) {
		t.Errorf("the chat's code is queued on %q (%v)", to, err)
	}
}
