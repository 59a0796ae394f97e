package registry_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/store"
)

func TestDuplicateIDIsRefusedWithALink(t *testing.T) {
	f := newFixture(t)
	iin := must(natid.MakeIIN(day(2015, 3, 10), natid.Female, 7))
	old := f.Child(t, "Ахметова", "Мадина", day(2015, 3, 10), iin)
	c := f.Login(t, "coord@example.org")
	form := url.Values{"last_name": {"Серікова"}, "first_name": {"Дана"}, "birth_date": {"2015-03-10"}, "sex": {"F"},
		"national_id": {iin}, "region_code": {"KZ-75"}, "org_id": {itoa(f.Org.ID)}}
	if r := c.Post("/people", form); r.Status != http.StatusOK || !strings.Contains(r.Body, "Same ID number") {
		t.Fatalf("the same ID is not shown as a possible existing record: %d", r.Status)
	}
	form.Set("confirm", "1")
	r := c.Post("/people", form)
	if r.Status != http.StatusConflict && r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("duplicate ID: %d", r.Status)
	}
	for _, want := range []string{"A person with this ID number is already registered (record " + itoa(old.ID) + ").",
		`<a href="/people/` + itoa(old.ID) + `">Open record ` + itoa(old.ID) + `</a>`, `id="national_id-error"`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("refusal lacks %q", want)
		}
	}
}

func TestInvalidIINInRussian(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "coord@example.org")
	c.Post("/locale", url.Values{"lang": {"ru"}, "next": {"/people/new"}})
	iin := must(natid.MakeIIN(day(2015, 3, 10), natid.Female, 7))
	bad := iin[:11] + string('0'+(iin[11]-'0'+1)%10)
	r := c.Post("/people", url.Values{"last_name": {"Ахметова"}, "first_name": {"Мадина"}, "birth_date": {"31.02.2015"},
		"national_id": {bad}, "region_code": {"KZ-75"}, "org_id": {itoa(f.Org.ID)}})
	if r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("invalid date: %d", r.Status)
	}
	if !strings.Contains(r.Body, `id="birth_date-error"`) {
		t.Error("a date that does not exist is not refused beside its field")
	}
	r = c.Post("/people", url.Values{"last_name": {"Ахметова"}, "first_name": {"Мадина"}, "birth_date": {"10.03.2015"},
		"national_id": {bad}, "region_code": {"KZ-75"}, "org_id": {itoa(f.Org.ID)}, "confirm": {"1"}})
	for _, want := range []string{"Контрольная цифра не совпадает: одна из цифр введена с ошибкой.", `id="national_id-error"`,
		`aria-invalid="true" aria-describedby="national_id-error"`, "Зарегистрировать человека"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("invalid IIN: page lacks %q", want)
		}
	}
}

func TestPersonPageWritesTheAccessLogAndEdits(t *testing.T) {
	f := newFixture(t)
	p := f.Child(t, "Ахметова", "Мадина", day(2015, 3, 10), "")
	c := f.Login(t, "coord@example.org")
	path := "/people/" + itoa(p.ID)
	if r := c.Get(path); r.Status != http.StatusOK || !strings.Contains(r.Body, "<h1><bdi>Ахметова Мадина</bdi></h1>") {
		t.Fatalf("person page: %d", r.Status)
	}
	log, _ := must2(f.Svc.Audit.Accesses(context.Background(), access.System,
		audit.AccessFilter{SubjectKind: "person", SubjectID: itoa(p.ID)}, store.Page{}))
	if len(log) != 1 || log[0].UserID != f.Coord.ID || log[0].Via != "web" {
		t.Fatalf("access log: %+v", log)
	}
	form := url.Values{"last_name": {"Ахметова"}, "first_name": {"Мадина"}, "patronymic": {"Ерланқызы"}, "birth_date": {"2015-03-10"},
		"sex": {"F"}, "region_code": {"KZ-75"}, "org_id": {itoa(f.Org.ID)}, "grade": {"13"}}
	if r := c.Post(path, form); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="grade-error"`) {
		t.Errorf("grade 13: %d", r.Status)
	}
	form.Set("grade", "6")
	if r := c.Post(path, form); r.Status != http.StatusSeeOther || r.Location != path {
		t.Fatalf("edit: %d %s", r.Status, r.Location)
	}
	if r := c.Get(path); !strings.Contains(r.Body, "Ахметова Мадина Ерланқызы") || !strings.Contains(r.Body, "Saved.") {
		t.Error("the edit is not shown")
	}
}

func TestConsentsAndCategories(t *testing.T) {
	f := newFixture(t)
	p := f.Child(t, "Ахметова", "Мадина", day(2015, 3, 10), "")
	c := f.Login(t, "coord@example.org")
	path := "/people/" + itoa(p.ID)
	r := c.Post(path+"/consents", url.Values{"purpose": {"processing"}, "method": {"paper"}, "given_by": {"Ахметова Айгуль"}})
	if r.Status != http.StatusSeeOther || r.Location != path+"#consents" {
		t.Fatalf("record consent: %d %s", r.Status, r.Body)
	}
	if page := c.Get(path); !strings.Contains(page.Body, "Ахметова Айгуль") || !strings.Contains(page.Body, "/consents/processing/withdraw") {
		t.Fatal("the consent is not shown with a withdraw button")
	}
	if r := c.Post(path+"/consents", url.Values{"purpose": {"photos"}, "method": {"paper"}}); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Say who gave the consent") {
		t.Errorf("consent without a giver: %d", r.Status)
	}
	if r := c.Post(path+"/consents/processing/withdraw", nil); r.Status != http.StatusSeeOther {
		t.Fatalf("withdraw: %d", r.Status)
	}
	if active := must(f.Svc.People.ActiveConsents(context.Background(), access.System, p.ID)); len(active) != 0 {
		t.Fatalf("consent still in force: %v", active)
	}
	if page := c.Get(path); strings.Contains(page.Body, "/consents/processing/withdraw") || !strings.Contains(page.Body, "withdrawn") {
		t.Error("the withdrawal is not shown")
	}
	r = c.Post(path+"/categories", url.Values{"category": {"orphan"}, "doc_type": {"Certificate"}, "issued_on": {"01.09.2024"},
		"expires_on": {"2025-09-01"}, "verified": {"on"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("assign: %d %s", r.Status, r.Body)
	}
	page := c.Get(path)
	for _, want := range []string{"Orphan", "Certificate", "1 Sep 2024", `class="tag off">expired`, "/categories/orphan/remove"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("category lacks %q", want)
		}
	}
	if r := c.Post(path+"/categories/orphan/remove", nil); r.Status != http.StatusSeeOther {
		t.Fatalf("remove: %d", r.Status)
	}
	if as := must(f.Svc.People.Assignments(context.Background(), access.System, p.ID)); len(as) != 0 {
		t.Error("the category is still assigned")
	}
}

func TestSponsorMayNotOpenTheRegistry(t *testing.T) {
	f := newFixture(t)
	p := f.Child(t, "Ахметова", "Мадина", day(2015, 3, 10), "")
	must(f.Svc.Accounts.Create(context.Background(), access.System, accounts.NewUser{Email: "sponsor@example.org", Name: "Sponsor",
		Role: access.Sponsor, OrgID: f.Org.ID, Password: password}))
	c := f.Login(t, "sponsor@example.org")
	for _, path := range []string{"/people", "/people/" + itoa(p.ID), "/people/new", "/households"} {
		if r := c.Get(path); r.Status != http.StatusForbidden || strings.Contains(r.Body, "Ахметова") {
			t.Errorf("sponsor GET %s: %d", path, r.Status)
		}
	}
	if r := c.Get("/"); strings.Contains(r.Body, `href="/people"`) {
		t.Error("the sponsor's menu offers the registry")
	}
}
