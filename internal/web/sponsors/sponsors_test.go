package sponsors_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/letters"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// world is the fixture with a sponsor login not yet linked and an item.
type world struct {
	*webtest.Fixture
	coord    *webtest.Client
	login    accounts.User
	backpack int64
}

func setup(t *testing.T) *world {
	t.Helper()
	f := webtest.New(t)
	w := &world{Fixture: f, coord: f.Login(t, "coord@example.org")}
	w.login = webtest.Must(f.Svc.Accounts.Create(context.Background(), access.System, accounts.NewUser{
		Email: "steel@example.org", Name: "Steel Portal", Role: access.Sponsor, Password: webtest.Password}))
	webtest.Check(t, f.DB.R.QueryRow("SELECT id FROM aid_items WHERE code = 'backpack'").Scan(&w.backpack))
	return w
}

// rows counts a table.
func (w *world) rows(t *testing.T, table string) int {
	t.Helper()
	var n int
	webtest.Check(t, w.DB.R.QueryRow("SELECT count(*) FROM "+table).Scan(&n))
	return n
}

// A coordinator records a sponsor with its portal login picked from the
// free ones, records a gift towards its pledge and downloads the
// receipt's PDF; the login then sees it in the portal.
func TestACoordinatorKeepsASponsorAndItsGifts(t *testing.T) {
	w := setup(t)
	page := w.coord.Get("/sponsors")
	if page.Status != http.StatusOK || !strings.Contains(page.Body, `name="portal_login"`) ||
		!strings.Contains(page.Body, "Steel Portal &lt;steel@example.org&gt;") {
		t.Fatalf("sponsors page: %d\n%s", page.Status, page.Body)
	}
	r := w.coord.Post("/sponsors", url.Values{"name": {"Steel Co"}, "kind": {"company"}, "org_id": {webtest.Itoa(w.Org.ID)},
		"language": {"ru"}, "portal_login": {webtest.Itoa(w.login.ID)}, "consent": {"on"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("create: %d\n%s", r.Status, r.Body)
	}
	sp := webtest.Must(w.Svc.Sponsors.Mine(context.Background(), w.login.Principal()))
	base := "/sponsors/" + webtest.Itoa(sp.ID)
	r = w.coord.Post(base+"/pledges", url.Values{"pledge_kind": {"money"}, "pledge_amount": {"1000"},
		"pledge_currency": {"EUR"}, "made_on": {"2026-08-01"}, "due_on": {"2026-12-01"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("pledge: %d\n%s", r.Status, r.Body)
	}
	pls := webtest.Must(w.Svc.Sponsors.Pledges(context.Background(), access.System, sp.ID))
	page = w.coord.Get(base)
	if !strings.Contains(page.Body, `<option value="`+webtest.Itoa(pls[0].ID)+`"`) {
		t.Fatalf("the gift form offers no pledge:\n%s", page.Body)
	}
	r = w.coord.Post(base+"/gifts", url.Values{"gift_amount": {"400,50"}, "currency": {"EUR"}, "given_on": {"2026-08-20"},
		"method": {"card"}, "purpose": {"Backpacks"}, "pledge_id": {webtest.Itoa(pls[0].ID)}})
	if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location, "/sponsors/receipts/") {
		t.Fatalf("gift: %d %q\n%s", r.Status, r.Location, r.Body)
	}
	pl := webtest.Must(w.Svc.Sponsors.Pledges(context.Background(), access.System, sp.ID))[0]
	if pl.Fulfilled != 40050 || pl.Status != sponsors.PledgePartly {
		t.Fatalf("pledge after the gift: %+v", pl)
	}
	// The receipt's page is headed and signed with the organisation's
	// letterhead.
	webtest.Must(w.Svc.Letters.SaveLetterhead(context.Background(), access.System, w.Org.ID, letters.Letterhead{
		Name: "Steel Foundation Almaty", Lines: []string{"Abay Ave 10"}, SignatoryName: "Aigerim Zhumabayeva",
		SignatoryPosition: "Director"}))
	receipt := w.coord.Get(r.Location)
	for _, want := range []string{"<bdi>Steel Foundation Almaty</bdi><br><bdi>Abay Ave 10</bdi>",
		"<bdi>Aigerim Zhumabayeva</bdi><br><bdi>Director</bdi>"} {
		if !strings.Contains(receipt.Body, want) {
			t.Errorf("the receipt's page lacks %q", want)
		}
	}
	if receipt.Status != http.StatusOK || !strings.Contains(receipt.Body, "Квитанция") ||
		!strings.Contains(receipt.Body, r.Location+"/pdf") {
		t.Fatalf("receipt page: %d\n%s", receipt.Status, receipt.Body)
	}
	d := w.coord.Download(r.Location + "/pdf")
	if d.Status != http.StatusOK || d.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(string(d.Body), "%PDF-") ||
		!strings.HasPrefix(d.Header.Get("Content-Disposition"), `attachment; filename="receipt-2026-`) {
		t.Fatalf("receipt PDF: %d %v", d.Status, d.Header)
	}
	// The sponsor sees the gift and its receipt in the portal.
	me := w.Login(t, "steel@example.org")
	giving := me.Get("/giving")
	if giving.Status != http.StatusOK || !strings.Contains(giving.Body, "Backpacks") {
		t.Fatalf("portal: %d\n%s", giving.Status, giving.Body)
	}
	own := strings.Replace(r.Location, "/sponsors/", "/giving/", 1) + "/pdf"
	if d := me.Download(own); d.Status != http.StatusOK || !strings.HasPrefix(string(d.Body), "%PDF-") {
		t.Fatalf("own receipt PDF: %d", d.Status)
	}
}

// Bad input on each form answers the form again with the reason in the
// reader's language, and records nothing.
func TestBadInputIsRefusedInTheReadersLanguage(t *testing.T) {
	w := setup(t)
	ru := w.User(t, "ru@example.org", access.Coordinator, "ru")
	l := w.Svc.Catalog.Localizer(i18n.RU)
	sp := webtest.Must(w.Svc.Sponsors.Create(context.Background(), access.System, sponsors.Input{Name: "Steel Co",
		Kind: stock.DonorCompany, OrgID: w.Org.ID}))
	base := "/sponsors/" + webtest.Itoa(sp.ID)
	cases := []struct {
		name, path string
		form       url.Values
		want       string
	}{
		{"a negative amount", base + "/gifts", url.Values{"gift_amount": {"-5"}, "currency": {"KZT"},
			"given_on": {"2026-08-01"}, "method": {"cash"}}, l.T("error.gift_amount")},
		{"a zero amount", base + "/gifts", url.Values{"gift_amount": {"0"}, "currency": {"KZT"},
			"given_on": {"2026-08-01"}, "method": {"cash"}}, l.T("error.gift_amount")},
		{"an unknown currency", base + "/gifts", url.Values{"gift_amount": {"5"}, "currency": {"XYZ"},
			"given_on": {"2026-08-01"}, "method": {"cash"}}, l.T("error.gift_currency", "Value", "XYZ")},
		{"a pledge due before it was made", base + "/pledges", url.Values{"pledge_kind": {"money"},
			"pledge_amount": {"100"}, "pledge_currency": {"USD"}, "made_on": {"2026-08-10"}, "due_on": {"2026-08-01"}},
			l.T("error.pledge_due_before_made")},
		{"a negative pledge", base + "/pledges", url.Values{"pledge_kind": {"money"},
			"pledge_amount": {"-100"}, "pledge_currency": {"USD"}, "made_on": {"2026-08-01"}, "due_on": {"2026-09-01"}},
			l.T("error.gift_amount")},
		{"a login of another role", base, url.Values{"name": {"Steel Co"}, "kind": {"company"},
			"org_id": {webtest.Itoa(w.Org.ID)}, "portal_login": {webtest.Itoa(w.Coord.ID)}, "version": {"1"}},
			l.T("error.sponsor_login_role")},
	}
	for _, c := range cases {
		before := [3]int{w.rows(t, "gifts"), w.rows(t, "pledges"), w.rows(t, "audit_log")}
		r := ru.Post(c.path, c.form)
		if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, html.EscapeString(c.want)) {
			t.Errorf("%s: %d, want 422 with %q\n%s", c.name, r.Status, c.want, r.Body)
		}
		if after := [3]int{w.rows(t, "gifts"), w.rows(t, "pledges"), w.rows(t, "audit_log")}; after != before {
			t.Errorf("%s changed the records: %v → %v", c.name, before, after)
		}
	}
}

// A donation in kind is matched to an items pledge from the sponsor's
// page, its item picked from the catalogue; matching it twice is refused.
func TestADonationCountsTowardsAnItemsPledge(t *testing.T) {
	w := setup(t)
	ctx := context.Background()
	sp := webtest.Must(w.Svc.Sponsors.Create(ctx, access.System, sponsors.Input{Name: "Steel Co", Kind: stock.DonorCompany,
		OrgID: w.Org.ID}))
	base := "/sponsors/" + webtest.Itoa(sp.ID)
	page := w.coord.Get(base)
	if !strings.Contains(page.Body, `<select id="item_id" name="item_id"`) {
		t.Fatalf("the pledge form has no item picker:\n%s", page.Body)
	}
	r := w.coord.Post(base+"/pledges", url.Values{"pledge_kind": {"items"}, "item_id": {webtest.Itoa(w.backpack)},
		"quantity": {"50"}, "made_on": {"2026-08-01"}, "due_on": {"2026-09-30"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("pledge: %d\n%s", r.Status, r.Body)
	}
	wh := webtest.Must(w.Svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "W", Name: "Store",
		Kind: stock.Store, OrgID: w.Org.ID, RegionCode: "KZ-75", Active: true}))
	doc := webtest.Must(w.Svc.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: wh.ID, Kind: stock.Donation,
		DonorID: sp.ID, Lines: []stock.Line{{ItemID: w.backpack, Quantity: 30}}}))
	pl := webtest.Must(w.Svc.Sponsors.Pledges(ctx, access.System, sp.ID))[0]
	form := url.Values{"doc_id": {webtest.Itoa(doc.ID)}, "pledge_id": {webtest.Itoa(pl.ID)}}
	if r := w.coord.Post(base+"/match", form); r.Status != http.StatusSeeOther {
		t.Fatalf("match: %d\n%s", r.Status, r.Body)
	}
	pl = webtest.Must(w.Svc.Sponsors.Pledges(ctx, access.System, sp.ID))[0]
	if pl.Fulfilled != 30 || pl.Status != sponsors.PledgePartly {
		t.Fatalf("pledge after the match: %+v", pl)
	}
	want := w.Svc.Catalog.Localizer(i18n.EN).T("error.pledge_matched")
	if r := w.coord.Post(base+"/match", form); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, html.EscapeString(want)) {
		t.Fatalf("matched twice: %d\n%s", r.Status, r.Body)
	}
}

// A sponsor who opens a child's page, or another sponsor's receipt, is
// told what a sponsor sees, or finds nothing.
func TestASponsorIsToldWhatASponsorSees(t *testing.T) {
	w := setup(t)
	ctx := context.Background()
	webtest.Must(w.Svc.Sponsors.Create(ctx, access.System, sponsors.Input{Name: "Steel Co", Kind: stock.DonorCompany,
		OrgID: w.Org.ID, UserID: w.login.ID}))
	other := webtest.Must(w.Svc.Sponsors.Create(ctx, access.System, sponsors.Input{Name: "Bank", Kind: stock.DonorCompany,
		OrgID: w.Org.ID}))
	g := webtest.Must(w.Svc.Sponsors.RecordGift(ctx, access.System, sponsors.GiftInput{SponsorID: other.ID, Amount: 100,
		Currency: sponsors.USD, GivenOn: webtest.Day(2026, 8, 1), Method: sponsors.Cash}))
	child := w.Child(t, "Serikova", "Aru", webtest.Day(2015, 3, 1), "")
	me := w.Login(t, "steel@example.org")
	want := html.EscapeString(w.Svc.Catalog.Localizer(i18n.EN).T("error.sponsor_sees_giving"))
	for _, path := range []string{"/people/" + webtest.Itoa(child.ID), "/people", "/sponsors"} {
		r := me.Get(path)
		if r.Status != http.StatusForbidden || !strings.Contains(r.Body, want) || strings.Contains(r.Body, "Serikova") {
			t.Errorf("GET %s: %d\n%s", path, r.Status, r.Body)
		}
	}
	for _, path := range []string{"/giving/receipts/" + webtest.Itoa(g.ReceiptID), "/giving/receipts/" + webtest.Itoa(g.ReceiptID) + "/pdf"} {
		if r := me.Get(path); r.Status != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, r.Status)
		}
	}
}
