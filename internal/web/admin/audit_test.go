package admin_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/webtest"
)

// changeChild registers a child and changes their date of birth and sex,
// so the change log holds a creation and an update of a person.
func changeChild(t *testing.T, f *fixture) people.Person {
	t.Helper()
	per := f.Child(t, "Ахметова", "Мадина", webtest.Day(2015, 3, 4), "")
	in := people.Input{LastName: per.LastName, FirstName: per.FirstName, BirthDate: webtest.Day(2016, 3, 21),
		Sex: people.Male, RegionCode: "KZ-75", OrgID: f.Org.ID}
	must(f.Svc.People.Update(context.Background(), access.System, per.ID, in))
	return per
}

func TestChangeLogReadsInTheReadersLanguage(t *testing.T) {
	f := newFixture(t)
	per := changeChild(t, f)
	fa := f.User(t, "fa-admin@example.org", access.Admin, "fa")
	page := fa.Get("/admin/audit?entity=person&action=update")
	// 2016-03-21 is 2 Farvardin 1395, 2015-03-04 is 13 Esfand 1393.
	newDay := i18n.FA.DateWithCalendar(webtest.Day(2016, 3, 21), i18n.CalendarSolarHijri)
	oldDay := i18n.FA.DateWithCalendar(webtest.Day(2015, 3, 4), i18n.CalendarSolarHijri)
	for _, want := range []string{"ویرایش", "فرد", "تاریخ تولد", oldDay, newDay, "جنسیت", "زن", "مرد",
		`<a href="/people/` + itoa(per.ID) + `"`, "<details><summary>", `&#34;birth_date&#34;`} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("Persian change log lacks %q", want)
		}
	}
	if newDay != "۱۳۹۵/۰۱/۰۲" {
		t.Fatalf("new day %q is not 2 Farvardin 1395 in Persian digits", newDay)
	}
	ru := f.User(t, "ru-admin@example.org", access.Admin, "ru")
	page = ru.Get("/admin/audit?entity=person")
	for _, want := range []string{"Изменение", "Создание", "Человек", "Дата рождения", "Пол", "Женский", "Мужской",
		`<option value="person" selected dir="auto">Человек</option>`} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("Russian change log lacks %q", want)
		}
	}
	// A creation shows only the new values: no "before" column.
	created := ru.Get("/admin/audit?entity=person&action=create")
	if !strings.Contains(created.Body, `<th scope="col">После</th>`) || strings.Contains(created.Body, `<th scope="col">До</th>`) {
		t.Errorf("a creation shows a before column")
	}
}

func TestChangeLogFiltersAreChoices(t *testing.T) {
	f := newFixture(t)
	changeChild(t, f)
	c := f.Login(t, "admin@example.org")
	page := c.Get("/admin/audit")
	for _, want := range []string{`<select id="f-entity" name="entity">`, `<option value="household" dir="auto">Household</option>`,
		`<select id="f-action" name="action">`, `<option value="set_head" dir="auto">Head of household set</option>`,
		`<select id="actor" name="actor">`, `<input id="from" name="from" type="date"`} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("change log lacks %q", want)
		}
	}
	// The pager keeps the filter.
	page = c.Get("/admin/audit?entity=person&limit=1")
	if !strings.Contains(page.Body, "entity=person") || !strings.Contains(page.Body, "cursor=") {
		t.Errorf("the next page loses the filter")
	}
	// A record type of a later version is shown as written.
	if r := c.Get("/admin/audit?entity=spaceship"); r.Status != 200 || !strings.Contains(r.Body, `<option value="spaceship" selected dir="auto">spaceship</option>`) {
		t.Errorf("an unknown record type: %d", r.Status)
	}
}

func TestAccessLogNamesOnlyWhatTheReaderMaySee(t *testing.T) {
	f := newFixture(t)
	per := f.Child(t, "Ахметова", "Мадина", webtest.Day(2015, 3, 4), "")
	coord := f.Login(t, "coord@example.org")
	if r := coord.Get("/people/" + itoa(per.ID)); r.Status != 200 {
		t.Fatalf("coordinator opens the child: %d", r.Status)
	}
	admin := f.Login(t, "admin@example.org")
	page := admin.Get("/admin/access-log")
	for _, want := range []string{`<a href="/people/` + itoa(per.ID) + `"><bdi>Ахметова Мадина</bdi></a>`, "Person", "Web page",
		`<option value="` + itoa(f.Coord.ID) + `" dir="auto">Coordinator</option>`} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("access log lacks %q", want)
		}
	}
	// An auditor of the same organisation working in another region does
	// not read the entry: the child's record lies outside their scope.
	must(f.Svc.Accounts.Create(context.Background(), access.System, accounts.NewUser{Email: "auditor@example.org",
		Name: "Auditor", Role: access.Auditor, OrgID: f.Org.ID, Region: "KZ-71", Locale: "en", Password: webtest.Password}))
	auditor := f.Login(t, "auditor@example.org")
	page = auditor.Get("/admin/access-log")
	if strings.Contains(page.Body, "Web page") || strings.Contains(page.Body, "Ахметова") {
		t.Errorf("an auditor out of the child's region sees:\n%s", page.Body)
	}
}
