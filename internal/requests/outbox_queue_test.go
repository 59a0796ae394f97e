package requests_test

import (
	"testing"

	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// A code queued in the outbox waits there, pending, for the dispatcher of
// text messages; the phone gets it in the clear, and the row keeps it
// masked once sent. The status page never shows it.
func TestOutboxQueuesACodeAndBlanksItOnceSent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		r, err := w.s.Submit(ctx, w.opK, w.input(w.child(t, w.k, "KZ-35", "Sadykov", "Arman").ID))
		must(t, err)
		box := w.s.Outbox(requests.SMS)
		must(t, box.Send(ctx, requests.Message{RequestID: r.ID, Address: "+7 701 123 45 67", Locale: "kk",
			Key: "distribution.code_message", Args: map[string]string{"Code": "042917", "Reference": r.Reference}}))
		m, ok, err := box.Last(ctx, r.ID, "distribution.code_message")
		must(t, err)
		if !ok || m.Channel != requests.SMS || m.State != "pending" || m.Args["Code"] != "042917" || m.CreatedAt.IsZero() {
			t.Fatalf("queued %+v (found %v)", m, ok)
		}
		if got := m.Masked().Args; got["Code"] == "042917" || got["Reference"] != r.Reference || m.Args["Code"] != "042917" {
			t.Fatalf("masked %v, the message itself now %v", got, m.Args)
		}
		// The status page's dispatcher leaves the text message alone.
		_, err = w.s.Dispatch(ctx, requests.StatusPageSender{}, 10)
		must(t, err)
		if m, _, _ = box.Last(ctx, r.ID, "distribution.code_message"); m.State != "pending" {
			t.Fatalf("the status page's round took the code: %+v", m)
		}
		st, err := w.s.Lookup(ctx, r.Reference, "+7 701 123 45 67")
		must(t, err)
		if st.Message != nil && st.Message.Channel != requests.StatusPage {
			t.Fatalf("the status page shows %+v", st.Message)
		}
		phone := requests.NewRecorder(requests.SMS)
		n, err := w.s.Dispatch(ctx, phone, 10)
		must(t, err)
		got, _ := phone.Last(r.ID)
		if n != 1 || got.Args["Code"] != "042917" || got.Address != "+7 701 123 45 67" {
			t.Fatalf("sent %d, the phone got %+v", n, got)
		}
		m, _, err = box.Last(ctx, r.ID, "distribution.code_message")
		must(t, err)
		if m.State != "sent" || m.Args["Code"] == "042917" || m.Args["Reference"] != r.Reference {
			t.Fatalf("after sending, the row is %+v", m)
		}
	})
}
