package allocation_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// A coordinator sets a quota and a route, makes a dry run, reads the
// plan, commits it with the confirmation, and reads the run; the
// request's page and the family's status page explain the outcome; an
// operator reads the page but runs nothing.
func TestAllocationPages(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	c, w := stocked(t, f, 1)
	var ids []int64
	var refs []string
	for i, name := range []string{"Aruzhan", "Bolat"} {
		child := f.Child(t, "Sadykova", name, webtest.Day(2017, 3, 1), "")
		r := webtest.Must(f.Svc.Requests.Submit(ctx, access.System, requests.Input{CampaignID: c.ID, PersonID: child.ID,
			ApplicantKind: requests.ByParent, ApplicantPhone: "+7 701 000 00 0" + string(rune('1'+i)),
			Channel: requests.Hotline, Lines: []requests.LineInput{{ItemID: c.Kit}}}))
		for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
			r = webtest.Must(f.Svc.Requests.Transition(ctx, access.System, r.ID, requests.Move{To: to, Version: r.Version}))
		}
		exec(t, f, `INSERT INTO request_scores (request_id, campaign_id, run, status, score, rank_region, requested_at)
			VALUES ($1, $2, 1, 'eligible', $3, '/KZ/KZ-75/', $4)`, r.ID, c.ID, 20-10*i, r.SubmittedAt)
		ids, refs = append(ids, r.ID), append(refs, r.Reference)
	}
	page := "/campaigns/" + webtest.Itoa(c.ID) + "/allocation"
	coord := f.Login(t, "coord@example.org")

	if r := coord.Get(page); r.Status != http.StatusOK || !strings.Contains(r.Body, "Almaty central warehouse") ||
		!strings.Contains(r.Body, `action="`+page+`/dry-run"`) {
		t.Fatalf("page: %d", r.Status)
	}
	r := coord.Post(page+"/quotas", url.Values{"region": {"KZ-75"}, "item_id": {"0"}, "kind": {"share"}, "amount": {"150"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="amount-error"`) {
		t.Fatalf("a share of 150 %%: %d", r.Status)
	}
	if r = coord.Post(page+"/quotas", url.Values{"region": {"KZ-75"}, "item_id": {"0"}, "kind": {"share"},
		"amount": {"100"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("quota: %d %s", r.Status, r.Body)
	}
	if r = coord.Post(page+"/routes", url.Values{"warehouse_id": {webtest.Itoa(w.ID)}, "region": {"KZ-75"},
		"cost": {"3"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("route: %d %s", r.Status, r.Body)
	}
	r = coord.Get(page)
	if !strings.Contains(r.Body, "100 % of need") || !strings.Contains(r.Body, `id="route-list"`) {
		t.Fatal("the settings are not shown")
	}

	r = coord.Post(page+"/dry-run", nil)
	if r.Status != http.StatusOK || !regexp.MustCompile(`id="objective">20<`).MatchString(r.Body) ||
		!strings.Contains(r.Body, `id="commit-form"`) {
		t.Fatalf("dry run: %d %s", r.Status, r.Body)
	}
	digest := regexp.MustCompile(`name="digest" value="([0-9a-f]+)"`).FindStringSubmatch(r.Body)
	version := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(r.Body)
	if digest == nil || version == nil {
		t.Fatal("the commit form lacks the plan's digest or version")
	}
	form := url.Values{"digest": {digest[1]}, "version": {version[1]}}
	if r = coord.Post(page+"/commit", form); r.Status != http.StatusSeeOther || r.Location != page {
		t.Fatalf("commit without the confirmation: %d %q", r.Status, r.Location)
	}
	form.Set("confirm", "on")
	if r = coord.Post(page+"/commit", form); r.Status != http.StatusSeeOther || !strings.Contains(r.Location, page+"/runs/") {
		t.Fatalf("commit: %d %q", r.Status, r.Location)
	}
	if run := coord.Get(r.Location); run.Status != http.StatusOK || !strings.Contains(run.Body, `id="by-region"`) {
		t.Fatalf("run page: %d", run.Status)
	}
	if r = coord.Post(page+"/commit", form); r.Status != http.StatusSeeOther || r.Location != page {
		t.Fatalf("the same plan again: %d %q", r.Status, r.Location)
	}
	if body := coord.Get(page).Body; !strings.Contains(body, "Another allocation of this campaign was committed") {
		t.Error("the refusal is not told")
	}

	if body := coord.Get("/requests/" + webtest.Itoa(ids[0])).Body; !strings.Contains(body,
		"test_kit: allocated from Almaty central warehouse") {
		t.Error("the request page does not say where the kit comes from")
	}
	if body := coord.Get("/requests/" + webtest.Itoa(ids[1])).Body; !strings.Contains(body,
		"test_kit: waitlisted: rank 2 in Almaty; the stock ran out at rank 1") {
		t.Error("the request page does not say why the kit waits")
	}

	anon := &webtest.Client{T: t, F: f, HC: &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
	if r := anon.Post("/status", url.Values{"reference": {refs[1]}, "phone": {"+7 701 000 00 02"}}); r.Status != http.StatusOK ||
		!strings.Contains(r.Body, "waitlisted: rank 2 in Almaty") {
		t.Fatalf("status page: %d", r.Status)
	}

	op := f.User(t, "op@example.org", access.Operator, "ru")
	if r := op.Get(page); r.Status != http.StatusOK || strings.Contains(r.Body, `/dry-run"`) {
		t.Fatalf("operator reads the page: %d", r.Status)
	}
	if r := op.Post(page+"/dry-run", nil); r.Status != http.StatusForbidden {
		t.Fatalf("operator runs the allocation: %d", r.Status)
	}
	fa := f.User(t, "coord-fa@example.org", access.Coordinator, "fa")
	if r := fa.Get(page); r.Status != http.StatusOK || !strings.Contains(r.Body, `dir="rtl"`) {
		t.Fatalf("Persian page: %d", r.Status)
	}
}

// stocked opens the campaign "road" of the fixture's organisation in
// KZ-75 and gives its Almaty central warehouse kits of its kit, donated.
func stocked(t *testing.T, f *webtest.Fixture, kits int64) (requeststest.Campaign, stock.Warehouse) {
	t.Helper()
	ctx := context.Background()
	c := requeststest.Open(t, f.DB, webtest.Clock(), "road", f.Org.ID, f.Org.Path, "KZ-75")
	w := webtest.Must(f.Svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "ALA-1",
		Name: "Almaty central warehouse", Kind: stock.Store, OrgID: f.Org.ID, Active: true}))
	donor := webtest.Must(f.Svc.Stock.CreateDonor(ctx, access.System, stock.DonorInput{Name: "Donor",
		Kind: stock.DonorCompany, OrgID: f.Org.ID}))
	webtest.Must(f.Svc.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: w.ID, Kind: stock.Donation,
		DonorID: donor.ID, Lines: []stock.Line{{ItemID: c.Kit, Quantity: kits}}}))
	return c, w
}

func exec(t *testing.T, f *webtest.Fixture, query string, args ...any) {
	t.Helper()
	if _, err := f.DB.W.ExecContext(context.Background(), store.Rebind(f.DB.Engine, query), args...); err != nil {
		t.Fatal(err)
	}
}
