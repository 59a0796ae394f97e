package allocation_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/web/webtest"
)

// A family's status page explains its request's allocation in each of
// the five languages — where the kit comes from, or its place and where
// the stock ran out — and shows nothing of another child: not their
// name, reference or phone, not the family of the child served before.
func TestStatusPageExplainsInFiveLanguages(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	c, _ := stocked(t, f, 1)
	served := approved(t, f, c.ID, c.Kit, "Aruzhan", 1, "+7 701 000 00 01")
	waiting := approved(t, f, c.ID, c.Kit, "Bolat", 1, "+7 701 000 00 02")
	for i, r := range []int64{served.ID, waiting.ID} {
		exec(t, f, `INSERT INTO request_scores (request_id, campaign_id, run, status, score, rank_region, requested_at)
			VALUES ($1, $2, 1, 'eligible', $3, '/KZ/KZ-75/', $4)`, r, c.ID, 20-10*i, webtest.Clock())
	}
	webtest.Must2(f.Svc.Allocation.Commit(ctx, access.System, c.ID, allocation.CommitOptions{Via: "web"}))

	anon := &webtest.Client{T: t, F: f, HC: &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
	// status is the explanation on the status page of request r in lang,
	// failing if the page shows anything of the other request.
	status := func(r, other requests.Request, phone, lang string) string {
		t.Helper()
		req := webtest.Must(http.NewRequest("POST", f.Srv.URL+"/status",
			strings.NewReader(url.Values{"reference": {r.Reference}, "phone": {phone}}.Encode())))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept-Language", lang)
		res := anon.Do(req)
		if res.Status != http.StatusOK {
			t.Fatalf("status page in %s: %d", lang, res.Status)
		}
		m := regexp.MustCompile(`(?s)<ul id="status-allocation">(.*?)</ul>`).FindStringSubmatch(res.Body)
		if m == nil {
			t.Fatalf("no explanation in %s: %s", lang, res.Body)
		}
		names := map[int64]string{served.ID: "Aruzhan", waiting.ID: "Bolat"}
		phones := map[int64]string{served.ID: "00 01", waiting.ID: "00 02"}
		for _, leak := range []string{names[other.ID], phones[other.ID], "0000" + phones[other.ID][3:], other.Reference} {
			if strings.Contains(res.Body, leak) {
				t.Errorf("the status page of %s in %s shows %q of the other request", r.Reference, lang, leak)
			}
		}
		return strings.TrimSpace(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[1], ""))
	}
	for lang, want := range map[string][2]string{
		"en": {"test_kit: allocated from Almaty central warehouse",
			"test_kit: waitlisted: rank 2 in Almaty; the stock ran out at rank 1"},
		"ru": {"test_kit: выделено со склада «Almaty central warehouse»",
			"test_kit: лист ожидания: место 2 (Алматы); запас закончился на месте 1"},
		"kk": {"test_kit: «Almaty central warehouse» қоймасынан бөлінді",
			"test_kit: күту тізімінде: Алматы бойынша 2-орын; қор 1-орында таусылды"},
		"fr": {"test_kit : attribué depuis Almaty central warehouse",
			"test_kit : en liste d’attente : rang 2 dans Almaty ; le stock a manqué au rang 1"},
		"fa": {"test_kit: از Almaty central warehouse اختصاص یافت",
			"test_kit: در فهرست انتظار: رتبه ۲ در آلماتی؛ موجودی در رتبه ۱ تمام شد"},
	} {
		if got := status(served, waiting, "+7 701 000 00 01", lang); got != want[0] {
			t.Errorf("%s, served: %q, want %q", lang, got, want[0])
		}
		if got := status(waiting, served, "+7 701 000 00 02", lang); got != want[1] {
			t.Errorf("%s, waiting: %q, want %q", lang, got, want[1])
		}
	}
}
