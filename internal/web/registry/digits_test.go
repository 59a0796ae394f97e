package registry_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
)

// A Persian page writes every number of its text in Persian digits, also
// those no template formatted (a phone, an ID's tail, a house number),
// while links and form values keep ASCII digits, and a download stays
// data in ASCII. Persian digits typed into the form are read as numbers.
func TestPersianPagesShowPersianDigitsAndReadThem(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	iin := must(natid.MakeIIN(day(2015, 3, 10), natid.Female, 42))
	listed := f.Child(t, "Ахметова", "Мадина", day(2015, 3, 10), iin)
	c := f.User(t, "fa@example.org", access.Coordinator, "fa")

	form := url.Values{"last_name": {"Rezaei"}, "first_name": {"Sara"}, "birth_date": {"۱۳۹۴/۰۱/۲۷"}, "sex": {"F"},
		"phone": {"+۷ ۷۰۱ ۱۲۳ ۴۵ ۶۷"}, "region_code": {"KZ-75"}, "org_id": {itoa(f.Org.ID)}, "grade": {"۵"},
		"address": {"Abay 12"}, "confirm": {"1"}}
	r := c.Post("/people", form)
	if r.Status != http.StatusSeeOther {
		t.Fatalf("create with Persian digits: %d\n%s", r.Status, r.Body)
	}
	id := strings.TrimPrefix(r.Location, "/people/")
	created := must(f.Svc.People.Get(ctx, access.System, must(strconv.ParseInt(id, 10, 64)), people.ViaWeb))
	if created.Phone != "+7 701 123 45 67" || created.Grade != 5 || created.BirthDate.Year() != 2015 {
		t.Fatalf("Persian digits were not read as numbers: phone %q, grade %d, born %v", created.Phone, created.Grade, created.BirthDate)
	}

	page := c.Get(r.Location)
	for _, want := range []string{
		`<html lang="fa" dir="rtl">`,
		"&#43;۷ ۷۰۱ ۱۲۳ ۴۵ ۶۷",                    // the phone, as text
		`href="tel:&#43;7%20701%20123%2045%2067"`, // and as a link
		"Abay ۱۲",                        // a number inside free text
		`href="/people/` + id + `/edit"`, // a record number in a link
	} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("person page lacks %q", want)
		}
	}
	if edit := c.Get(r.Location + "/edit"); !strings.Contains(edit.Body, `value="&#43;7 701 123 45 67"`) {
		t.Error("the form's value is not in ASCII digits")
	}

	list := c.Get("/people")
	tail := iin[len(iin)-4:]
	if !strings.Contains(list.Body, i18n.FA.Digits(tail)) || strings.Contains(list.Body, "•"+tail) {
		t.Error("the ID number's tail is not in Persian digits")
	}
	if !strings.Contains(list.Body, `href="/people/`+itoa(listed.ID)+`"`) {
		t.Error("a link lost its ASCII digits")
	}

	h := must(f.Svc.People.CreateHousehold(ctx, access.System, people.HouseholdInput{OrgID: f.Org.ID, RegionCode: "KZ-75",
		Phone: "87011234567", ExternalRef: "REF-2026"}))
	hp := c.Get("/households/" + itoa(h.ID))
	number := f.Svc.Catalog.Localizer(i18n.FA).T("households.number", "ID", i18n.FA.Digits(itoa(h.ID)))
	for _, want := range []string{number, "REF-۲۰۲۶", "۸۷۰۱۱۲۳۴۵۶۷"} {
		if !strings.Contains(hp.Body, want) {
			t.Errorf("household page lacks %q", want)
		}
	}
	if home := c.Get("/"); !strings.Contains(home.Body, `<span class="figure-sm">۱</span>`) {
		t.Error("the home page's count is not in Persian digits")
	}

	// A record number typed with a Persian keyboard filters a log.
	admin := f.Login(t, "admin@example.org")
	if r := admin.Get("/admin/audit?actor=" + url.QueryEscape(i18n.FA.Digits(itoa(f.Admin.ID)))); r.Status != http.StatusOK ||
		strings.Contains(r.Body, `id="actor-error"`) {
		t.Errorf("a number in Persian digits is refused as a filter: %d", r.Status)
	}

	csv := c.Download("/people/export.csv")
	if !strings.Contains(string(csv.Body), created.Phone) || !strings.Contains(string(csv.Body), "Abay 12") {
		t.Error("the download is not in ASCII digits")
	}
}
