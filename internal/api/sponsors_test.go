package api

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// A coordinator records a sponsor and a gift through the API and reads
// its receipt as JSON and as PDF; bad gifts are refused in the caller's
// language and record nothing; the sponsor's login reads its own receipt
// and not another's.
func TestSponsorsThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		coord := f.token[access.Coordinator]
		login := f.user(t, accounts.NewUser{Email: "steel@example.org", Name: "Steel", Role: access.Sponsor})
		w := f.do(t, "POST", "/api/v1/sponsors", coord, map[string]any{"name": "Steel Co", "kind": "company",
			"org_id": f.org.ID, "language": "fa", "user_id": login.ID})
		sp := decodeAs[sponsors.Sponsor](t, w)
		if w.Code != 201 || sp.UserID != login.ID {
			t.Fatalf("create: %d %s", w.Code, w.Body)
		}
		gifts := fmt.Sprintf("/api/v1/sponsors/%d/gifts", sp.ID)
		count := func() int {
			var n int
			check(t, db.R.QueryRow("SELECT count(*) FROM gifts").Scan(&n))
			return n
		}
		for _, bad := range []struct {
			body map[string]any
			want string
		}{
			{map[string]any{"amount": "-5", "currency": "KZT", "given_on": "2026-08-01", "method": "cash"},
				"Укажите сумму больше нуля."},
			{map[string]any{"amount": "5", "currency": "GBP", "given_on": "2026-08-01", "method": "cash"},
				"Неизвестная валюта «GBP»"},
		} {
			w = f.do(t, "POST", gifts, coord, bad.body, "Accept-Language", "ru")
			if w.Code != 422 || !strings.Contains(w.Body.String(), bad.want) || count() != 0 {
				t.Fatalf("%v: %d %s (%d gifts)", bad.body, w.Code, w.Body, count())
			}
		}
		w = f.do(t, "POST", gifts, coord, map[string]any{"amount": "25000000", "currency": "IRR",
			"given_on": "2026-08-01", "method": "bank_transfer", "purpose": "کیف مدرسه"})
		g := decodeAs[sponsors.Gift](t, w)
		if w.Code != 201 && w.Code != 200 || g.ReceiptID == 0 {
			t.Fatalf("gift: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "GET", fmt.Sprintf("/api/v1/receipts/%d", g.ReceiptID), coord, nil)
		if r := decodeAs[sponsors.Receipt](t, w); w.Code != 200 || r.Locale != "fa" || r.Gift == nil || r.Signer == "" {
			t.Fatalf("receipt: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "GET", fmt.Sprintf("/api/v1/receipts/%d/pdf", g.ReceiptID), coord, nil)
		if w.Code != 200 || w.Header().Get("Content-Type") != "application/pdf" || !strings.HasPrefix(w.Body.String(), "%PDF-") {
			t.Fatalf("receipt PDF: %d %v", w.Code, w.Header())
		}
		mine := f.newToken(t, login)
		if w = f.do(t, "GET", fmt.Sprintf("/api/v1/my/receipts/%d/pdf", g.ReceiptID), mine, nil); w.Code != 200 {
			t.Fatalf("own receipt PDF: %d %s", w.Code, w.Body)
		}
		other := f.do(t, "POST", "/api/v1/sponsors", coord, map[string]any{"name": "Bank", "kind": "company",
			"org_id": f.org.ID})
		osp := decodeAs[sponsors.Sponsor](t, other)
		og := decodeAs[sponsors.Gift](t, f.do(t, "POST", fmt.Sprintf("/api/v1/sponsors/%d/gifts", osp.ID), coord,
			map[string]any{"amount": "10", "currency": "USD", "given_on": "2026-08-01", "method": "card"}))
		if w = f.do(t, "GET", fmt.Sprintf("/api/v1/my/receipts/%d/pdf", og.ReceiptID), mine, nil); w.Code != 404 {
			t.Fatalf("another's receipt PDF: %d", w.Code)
		}
	})
}
