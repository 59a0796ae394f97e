package campaigns_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/web/webtest"
)

// A coordinator sets up a campaign with the form, opens it, and reads its
// page; the public page then shows it to anyone, in Persian right to left.
func TestCoordinatorSetsUpAndOpensACampaign(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	if r := c.Get("/campaigns/new"); r.Status != http.StatusOK || !strings.Contains(r.Body, `name="slug"`) {
		t.Fatalf("new campaign form: %d", r.Status)
	}
	r := c.Post("/campaigns", roadForm(t, f))
	if r.Status != http.StatusSeeOther {
		t.Fatalf("create: %d %s", r.Status, r.Body)
	}
	cmp := created(t, f, "road-2026")
	if len(cmp.Contacts) != 2 || cmp.Items[0].Target != 3500 || cmp.Budget != 100000000 || len(cmp.Targets) != 1 {
		t.Fatalf("created from the form: %+v", cmp)
	}
	anon := &webtest.Client{T: t, F: f, HC: &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	if r := anon.Get("/c/road-2026"); r.Status != http.StatusNotFound {
		t.Errorf("a draft's public page: %d", r.Status)
	}
	page := c.Get(r.Location)
	for _, want := range []string{"Road to School", "From heart to heart", "0 of 3,500", "8 800 080 47 47", "Abay Ave 10", `value="open"`} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("campaign page lacks %q", want)
		}
	}
	if r := c.Post(r.Location+"/status", url.Values{"to": {"open"}, "version": {"1"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("open: %d %s", r.Status, r.Body)
	}
	if created(t, f, "road-2026").Status != "open" {
		t.Fatal("not opened")
	}
	pub := anon.Get("/c/road-2026?lang=fa")
	if pub.Status != http.StatusOK {
		t.Fatalf("public page: %d", pub.Status)
	}
	for _, want := range []string{`dir="rtl"`, "از دل به دل", "۸ ۸۰۰ ۰۸۰ ۴۷ ۴۷", `href="/c/road-2026/apply?lang=fa"`, `href="/status?lang=fa"`, "Abay Ave ۱۰"} {
		if !strings.Contains(pub.Body, want) {
			t.Errorf("Persian public page lacks %q", want)
		}
	}
	// The Persian page falls back to the English who-may-apply text.
	if !strings.Contains(pub.Body, "Families of pupils in grades ۱-۴.") {
		t.Error("the who-may-apply text did not fall back to the organiser's")
	}
	// Closing it: the public page says applications are closed, with no form link.
	if r := c.Post("/campaigns/"+webtest.Itoa(cmp.ID)+"/status", url.Values{"to": {"closed"}, "version": {"2"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("close: %d", r.Status)
	}
	pub = anon.Get("/c/road-2026?lang=en")
	if !strings.Contains(pub.Body, "Applications are closed.") || strings.Contains(pub.Body, "/apply") {
		t.Errorf("closed public page: %s", pub.Body)
	}
}

// Two coordinators edit the same campaign: the first to save wins, the
// second is told and keeps what they typed.
func TestTheSecondEditorIsTold(t *testing.T) {
	f := webtest.New(t)
	a := f.Login(t, "coord@example.org")
	b := f.Login(t, "admin@example.org")
	if r := a.Post("/campaigns", roadForm(t, f)); r.Status != http.StatusSeeOther {
		t.Fatalf("create: %d %s", r.Status, r.Body)
	}
	cmp := created(t, f, "road-2026")
	path := "/campaigns/" + webtest.Itoa(cmp.ID)
	if r := b.Get(path + "/edit"); !strings.Contains(r.Body, `name="version" value="1"`) {
		t.Fatalf("edit form without its version")
	}
	first := roadForm(t, f)
	first.Set("version", "1")
	first.Set("slogan_en", "Heart to heart")
	if r := a.Post(path, first); r.Status != http.StatusSeeOther {
		t.Fatalf("first save: %d %s", r.Status, r.Body)
	}
	second := roadForm(t, f)
	second.Set("version", "1")
	second.Set("slogan_en", "Second editor's slogan")
	r := b.Post(path, second)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Someone else changed this campaign") ||
		!strings.Contains(r.Body, "Second editor&#39;s slogan") || !strings.Contains(r.Body, `name="version" value="2"`) {
		t.Fatalf("second save: %d", r.Status)
	}
	if got := created(t, f, "road-2026").Text("en").Slogan; got != "Heart to heart" {
		t.Errorf("slogan after the refused save: %q", got)
	}
}

func TestBadCampaignFormKeepsWhatWasTyped(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	v := roadForm(t, f)
	v.Set("ends_on", "2026-06-01")
	v.Set("contact_phone_1", "call us")
	r := c.Post("/campaigns", v)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "The end cannot come before the start.") ||
		!strings.Contains(r.Body, "A hotline needs a number") || !strings.Contains(r.Body, `value="call us"`) {
		t.Fatalf("refused form: %d", r.Status)
	}
}

func TestCatalogueAndKits(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	r := c.Get("/catalogue")
	for _, want := range []string{"Primary school kit, grades 1–4", "Notebook × 10", "Laptop", "followed by serial number", "Shoe sizes"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("catalogue lacks %q", want)
		}
	}
	form := url.Values{"code": {"art_kit"}, "is_kit": {"on"}, "sizing": {"none"}, "unit": {"set"}, "active": {"on"},
		"name_en": {"Art kit"}, "name_fa": {"بستهٔ هنر"}, "n_components": {"2"},
		"comp_item_1": {kitID(t, f, "stationery_set")}, "comp_qty_1": {"2"}}
	r = c.Post("/catalogue", form)
	if r.Status != http.StatusSeeOther {
		t.Fatalf("new kit: %d %s", r.Status, r.Body)
	}
	art := kitID(t, f, "art_kit")
	form.Set("comp_item_2", art)
	form.Set("comp_qty_2", "1")
	if r := c.Post("/catalogue/"+art, form); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "cannot contain itself") {
		t.Errorf("a kit within itself: %d", r.Status)
	}
	oc := f.User(t, "op@example.org", access.Operator, "en")
	if r := oc.Get("/catalogue/" + art); r.Status != http.StatusOK || strings.Contains(r.Body, `<form method="post" action="/catalogue`) {
		t.Errorf("an operator reads the kit as a form: %d", r.Status)
	}
}
