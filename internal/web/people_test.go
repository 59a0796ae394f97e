package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
)

// child registers a child of the fixture's organisation, born on birth.
func (f *fixture) child(t *testing.T, last, first string, birth time.Time, id string) people.Person {
	t.Helper()
	return must(f.svc.People.Create(context.Background(), access.System, people.Input{LastName: last, FirstName: first,
		BirthDate: birth, Sex: people.Female, NationalID: id, RegionCode: "KZ-75", OrgID: f.org.ID}))
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestPeopleListShowsOwnScopeWithMaskedIDs(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	iin := must(natid.MakeIIN(day(2015, 3, 10), natid.Female, 42))
	mine := f.child(t, "Ахметова", "Мадина", day(2015, 3, 10), iin)
	tehran := must(f.svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Tehran Charity", Type: orgs.Charity, RegionCode: "IR-23"}))
	must(f.svc.People.Create(ctx, access.System, people.Input{LastName: "Rezaei", FirstName: "Sara", RegionCode: "IR-23", OrgID: tehran.ID}))
	c := f.login(t, "coord@example.org")
	r := c.get("/people")
	if r.status != http.StatusOK || !strings.Contains(r.body, `<a href="/people/`+itoa(mine.ID)+`"><bdi>Ахметова Мадина</bdi></a>`) {
		t.Fatalf("list: %d, the child is not listed", r.status)
	}
	if strings.Contains(r.body, "Rezaei") {
		t.Error("a child of another organisation is listed")
	}
	if strings.Contains(r.body, iin) || !strings.Contains(r.body, iin[len(iin)-4:]) {
		t.Error("the list does not mask the ID number down to its last four digits")
	}
	for _, want := range []string{"11 years old", "Almaty Foundation", "10 Mar 2015"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("list lacks %q", want)
		}
	}
	if r := c.get("/people?has_id=no"); strings.Contains(r.body, "Ахметова") || !strings.Contains(r.body, "Nobody matches") {
		t.Error("the ID filter does not filter, or the empty state is missing")
	}
	if r := c.get("/people?age_from=12&sort=name"); strings.Contains(r.body, "Ахметова") {
		t.Error("the age filter does not filter")
	}
	if r := c.get("/people?age_from=9&age_to=3"); !strings.Contains(r.body, "The upper age cannot be below the lower one.") {
		t.Error("an age range upside down is not explained")
	}
	if page := c.get("/people/" + itoa(mine.ID)); !strings.Contains(page.body, iin) {
		t.Error("the person's page does not show the full ID number")
	}
}

func TestPeoplePagesKeepTheirOrder(t *testing.T) {
	f := newFixture(t)
	for i, n := range []string{"Бекова", "Ахметова", "Жанова"} {
		f.child(t, n, "Дана", day(2014+i, 1, 1), "")
	}
	c := f.login(t, "coord@example.org")
	first := c.get("/people?sort=name&limit=2")
	next := regexp.MustCompile(`<a href="([^"]+)" rel="next">`).FindStringSubmatch(first.body)
	if next == nil || !strings.Contains(first.body, "Ахметова") || !strings.Contains(first.body, "Бекова") {
		t.Fatal("the first page is not the first two by name, or has no next page")
	}
	second := c.get(html.UnescapeString(next[1]))
	if !strings.Contains(second.body, "Жанова") || strings.Contains(second.body, "Бекова") || !strings.Contains(second.body, "First page") {
		t.Error("the second page does not continue the first")
	}
}

func TestSearchFindsACyrillicNameTypedInLatin(t *testing.T) {
	f := newFixture(t)
	p := f.child(t, "Ахметова", "Мадина", day(2015, 3, 10), "")
	f.child(t, "Сериков", "Нурлан", day(2014, 1, 2), "")
	c := f.login(t, "coord@example.org")
	r := c.get("/people?q=" + url.QueryEscape("Akhmetova"))
	if r.status != http.StatusOK || !strings.Contains(r.body, "/people/"+itoa(p.ID)) || strings.Contains(r.body, "Сериков") {
		t.Fatalf("search: %d, found the wrong persons", r.status)
	}
	if !strings.Contains(r.body, "Search results") || !strings.Contains(r.body, `value="Akhmetova"`) {
		t.Error("the results are not marked as a search")
	}
	if r := c.get("/people?q=Zzyzx"); !strings.Contains(r.body, "Nobody found.") {
		t.Error("an empty search says nothing")
	}
}

func TestCreateSearchesBeforeCreating(t *testing.T) {
	f := newFixture(t)
	old := f.child(t, "Ахметова", "Мадина", day(2015, 3, 10), "")
	c := f.login(t, "coord@example.org")
	form := url.Values{"last_name": {"Akhmetova"}, "first_name": {"Madina"}, "birth_date": {"10.03.2015"}, "sex": {"F"},
		"region_code": {"kz-75"}, "org_id": {itoa(f.org.ID)}, "grade": {"5"}, "status": {"pupil"}, "languages": {"kk", "ru"}}
	r := c.post("/people", form)
	if r.status != http.StatusOK {
		t.Fatalf("first submission: %d %s", r.status, r.location)
	}
	for _, want := range []string{"Possible existing records", `<a href="/people/` + itoa(old.ID) + `"><bdi>Ахметова Мадина</bdi></a>`,
		"Same name and date of birth", `name="confirm" value="1"`, `value="2015-03-10"`, `value="KZ-75"`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("matches panel lacks %q", want)
		}
	}
	if n := count(t, f, "Akhmetova Madina"); n != 1 {
		t.Fatalf("created before confirmation: %d found", n)
	}
	form.Set("confirm", "1")
	r = c.post("/people", form)
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/people/") {
		t.Fatalf("confirmed: %d %s", r.status, r.body)
	}
	page := c.get(r.location)
	for _, want := range []string{"Akhmetova Madina", "Қазақша, Русский", "Created.", "Pupil"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("new person's page lacks %q", want)
		}
	}
}

func TestNamesAreEscaped(t *testing.T) {
	f := newFixture(t)
	p := must(f.svc.People.Create(context.Background(), access.System, people.Input{LastName: "<script>alert(1)</script>",
		FirstName: "Bob", RegionCode: "KZ-75", OrgID: f.org.ID, Address: "<b>home</b>"}))
	c := f.login(t, "coord@example.org")
	for _, path := range []string{"/people", "/people/" + itoa(p.ID), "/people/" + itoa(p.ID) + "/edit", "/people?q=script"} {
		r := c.get(path)
		if r.status != http.StatusOK || strings.Contains(r.body, "<script>alert") || strings.Contains(r.body, "<b>home") ||
			!strings.Contains(r.body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: %d, the name is not escaped", path, r.status)
		}
	}
}

// count is how many persons a search for q finds.
func count(t *testing.T, f *fixture, q string) int {
	t.Helper()
	return len(must(f.svc.People.Search(context.Background(), access.System, q, 0)))
}
