package allocation_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/web/webtest"
)

// approved files an approved request of campaign for a new child, asking
// for quantity units of item, with the applicant's phone when given.
func approved(t *testing.T, f *webtest.Fixture, campaign, item int64, name string, quantity int,
	phone ...string) requests.Request {
	t.Helper()
	ctx := context.Background()
	child := f.Child(t, "Sadykova", name, webtest.Day(2017, 3, 1), "")
	r := webtest.Must(f.Svc.Requests.Submit(ctx, access.System, requests.Input{CampaignID: campaign, PersonID: child.ID,
		ApplicantKind: requests.ByParent, Channel: requests.Hotline, ApplicantPhone: strings.Join(phone, ""),
		Lines: []requests.LineInput{{ItemID: item, Quantity: quantity}}}))
	for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
		r = webtest.Must(f.Svc.Requests.Transition(ctx, access.System, r.ID, requests.Move{To: to, Version: r.Version}))
	}
	return r
}

// The dry run's page says plainly when there is nothing to allocate (no
// commit offered, and a commit posted anyway is refused with the reason),
// and how many lines ask for more than one unit and why they are left
// out, so the coordinator is not surprised by lines that hold nothing.
func TestDryRunPageEmptyAndMultiUnit(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	c, _ := stocked(t, f, 5)
	page := "/campaigns/" + webtest.Itoa(c.ID) + "/allocation"
	coord := f.User(t, "coord-ru@example.org", access.Coordinator, "ru")

	r := coord.Post(page+"/dry-run", nil)
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `id="plan-empty"`) ||
		!strings.Contains(r.Body, "Ни одна заявка этой кампании не ждёт запасов") || strings.Contains(r.Body, `id="commit-form"`) {
		t.Fatalf("empty dry run: %d %s", r.Status, r.Body)
	}
	r = coord.Post(page+"/commit", url.Values{"version": {"0"}, "confirm": {"on"}})
	if r.Status != http.StatusSeeOther || r.Location != page {
		t.Fatalf("an empty commit: %d %q", r.Status, r.Location)
	}
	if body := coord.Get(page).Body; !strings.Contains(body, "Фиксировать нечего") {
		t.Fatal("the empty commit's refusal is not told")
	}
	if n := f.Count(t, "SELECT count(*) FROM allocation_runs WHERE committed"); n != 0 {
		t.Fatalf("an empty commit kept %d runs", n)
	}

	one := approved(t, f, c.ID, c.Kit, "Aruzhan", 1)
	for _, name := range []string{"Bolat", "Dana"} {
		approved(t, f, c.ID, c.Kit, name, 3)
	}
	r = coord.Post(page+"/dry-run", nil)
	multi := regexp.MustCompile(`(?s)id="multi-unit">(.*?)</p>`).FindStringSubmatch(r.Body)
	if r.Status != http.StatusOK || multi == nil || !strings.HasPrefix(multi[1], "2 строки просят больше одной единицы") ||
		!strings.Contains(multi[1], "по одной единице на строку") || !strings.Contains(r.Body, "Запрошено больше одной единицы: 2") ||
		!regexp.MustCompile(`id="served">1 `).MatchString(r.Body) {
		t.Fatalf("dry run with lines of three units: %d %s", r.Status, r.Body)
	}
	en := f.User(t, "coord-en@example.org", access.Coordinator, "en")
	r = en.Post(page+"/dry-run", nil)
	if !strings.Contains(r.Body, "2 lines ask for more than one unit of an item and are left out") {
		t.Fatalf("English dry run: %s", r.Body)
	}
	if st := webtest.Must(f.Svc.Requests.Get(ctx, access.System, one.ID, "test")).Status; st != requests.Approved {
		t.Fatalf("a dry run moved the request to %s", st)
	}
}
