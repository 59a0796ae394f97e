package registry_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
)

func TestPeopleListShowsOwnScopeWithMaskedIDs(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	iin := must(natid.MakeIIN(day(2015, 3, 10), natid.Female, 42))
	mine := f.Child(t, "Ахметова", "Мадина", day(2015, 3, 10), iin)
	tehran := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Tehran Charity", Type: orgs.Charity, RegionCode: "IR-23"}))
	must(f.Svc.People.Create(ctx, access.System, people.Input{LastName: "Rezaei", FirstName: "Sara", RegionCode: "IR-23", OrgID: tehran.ID}))
	c := f.Login(t, "coord@example.org")
	r := c.Get("/people")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `<a href="/people/`+itoa(mine.ID)+`"><bdi>Ахметова Мадина</bdi></a>`) {
		t.Fatalf("list: %d, the child is not listed", r.Status)
	}
	if strings.Contains(r.Body, "Rezaei") {
		t.Error("a child of another organisation is listed")
	}
	if strings.Contains(r.Body, iin) || !strings.Contains(r.Body, iin[len(iin)-4:]) {
		t.Error("the list does not mask the ID number down to its last four digits")
	}
	for _, want := range []string{"11 years old", "Almaty Foundation", "10 Mar 2015"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("list lacks %q", want)
		}
	}
	if r := c.Get("/people?has_id=no"); strings.Contains(r.Body, "Ахметова") || !strings.Contains(r.Body, "Nobody matches") {
		t.Error("the ID filter does not filter, or the empty state is missing")
	}
	if r := c.Get("/people?age_from=12&sort=name"); strings.Contains(r.Body, "Ахметова") {
		t.Error("the age filter does not filter")
	}
	if r := c.Get("/people?age_from=9&age_to=3"); !strings.Contains(r.Body, "The upper age cannot be below the lower one.") {
		t.Error("an age range upside down is not explained")
	}
	if page := c.Get("/people/" + itoa(mine.ID)); !strings.Contains(page.Body, iin) {
		t.Error("the person's page does not show the full ID number")
	}
}

func TestPeoplePagesKeepTheirOrder(t *testing.T) {
	f := newFixture(t)
	for i, n := range []string{"Бекова", "Ахметова", "Жанова"} {
		f.Child(t, n, "Дана", day(2014+i, 1, 1), "")
	}
	c := f.Login(t, "coord@example.org")
	first := c.Get("/people?sort=name&limit=2")
	next := regexp.MustCompile(`<a href="([^"]+)" rel="next">`).FindStringSubmatch(first.Body)
	if next == nil || !strings.Contains(first.Body, "Ахметова") || !strings.Contains(first.Body, "Бекова") {
		t.Fatal("the first page is not the first two by name, or has no next page")
	}
	second := c.Get(html.UnescapeString(next[1]))
	if !strings.Contains(second.Body, "Жанова") || strings.Contains(second.Body, "Бекова") || !strings.Contains(second.Body, "First page") {
		t.Error("the second page does not continue the first")
	}
}

func TestSearchFindsACyrillicNameTypedInLatin(t *testing.T) {
	f := newFixture(t)
	p := f.Child(t, "Ахметова", "Мадина", day(2015, 3, 10), "")
	f.Child(t, "Сериков", "Нурлан", day(2014, 1, 2), "")
	c := f.Login(t, "coord@example.org")
	r := c.Get("/people?q=" + url.QueryEscape("Akhmetova"))
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "/people/"+itoa(p.ID)) || strings.Contains(r.Body, "Сериков") {
		t.Fatalf("search: %d, found the wrong persons", r.Status)
	}
	if !strings.Contains(r.Body, "Search results") || !strings.Contains(r.Body, `value="Akhmetova"`) {
		t.Error("the results are not marked as a search")
	}
	if r := c.Get("/people?q=Zzyzx"); !strings.Contains(r.Body, "Nobody found.") {
		t.Error("an empty search says nothing")
	}
}

func TestCreateSearchesBeforeCreating(t *testing.T) {
	f := newFixture(t)
	old := f.Child(t, "Ахметова", "Мадина", day(2015, 3, 10), "")
	c := f.Login(t, "coord@example.org")
	form := url.Values{"last_name": {"Akhmetova"}, "first_name": {"Madina"}, "birth_date": {"10.03.2015"}, "sex": {"F"},
		"region_code": {"kz-75"}, "org_id": {itoa(f.Org.ID)}, "grade": {"5"}, "status": {"pupil"}, "languages": {"kk", "ru"}}
	r := c.Post("/people", form)
	if r.Status != http.StatusOK {
		t.Fatalf("first submission: %d %s", r.Status, r.Location)
	}
	for _, want := range []string{"Possible existing records", `<a href="/people/` + itoa(old.ID) + `"><bdi>Ахметова Мадина</bdi></a>`,
		"Same name and date of birth", `name="confirm" value="1"`, `value="2015-03-10"`, `value="KZ-75"`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("matches panel lacks %q", want)
		}
	}
	if n := f.Count(t, "Akhmetova Madina"); n != 1 {
		t.Fatalf("created before confirmation: %d found", n)
	}
	form.Set("confirm", "1")
	r = c.Post("/people", form)
	if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location, "/people/") {
		t.Fatalf("confirmed: %d %s", r.Status, r.Body)
	}
	page := c.Get(r.Location)
	for _, want := range []string{"Akhmetova Madina", "Қазақша, Русский", "Created.", "Pupil"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("new person's page lacks %q", want)
		}
	}
}

func TestNamesAreEscaped(t *testing.T) {
	f := newFixture(t)
	p := must(f.Svc.People.Create(context.Background(), access.System, people.Input{LastName: "<script>alert(1)</script>",
		FirstName: "Bob", RegionCode: "KZ-75", OrgID: f.Org.ID, Address: "<b>home</b>"}))
	c := f.Login(t, "coord@example.org")
	for _, path := range []string{"/people", "/people/" + itoa(p.ID), "/people/" + itoa(p.ID) + "/edit", "/people?q=script"} {
		r := c.Get(path)
		if r.Status != http.StatusOK || strings.Contains(r.Body, "<script>alert") || strings.Contains(r.Body, "<b>home") ||
			!strings.Contains(r.Body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: %d, the name is not escaped", path, r.Status)
		}
	}
}
