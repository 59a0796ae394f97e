package registry_test

import (
	"context"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
)

// nameOrder reads the numbers of the children "Child NNN" in the order a
// page lists them.
var nameOrder = regexp.MustCompile(`<bdi>Bala(\d{3}) Dana</bdi>`)

func listed(body string) []string {
	var out []string
	for _, m := range nameOrder.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

func TestPeopleListCountsAndJumpsToAPage(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for i := range 130 {
		f.Child(t, fmt.Sprintf("Bala%03d", i+1), "Dana", day(2014, 1, 1), "")
	}
	// Outside the coordinator's scope: never counted.
	tehran := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Tehran Charity", Type: orgs.Charity, RegionCode: "IR-23"}))
	must(f.Svc.People.Create(ctx, access.System, people.Input{LastName: "Bala999", FirstName: "Dana", RegionCode: "IR-23", OrgID: tehran.ID}))
	c := f.Login(t, "coord@example.org")

	first := c.Get("/people?sort=name")
	if !strings.Contains(first.Body, "130 people") || !strings.Contains(first.Body, "Page 1 of 3") {
		t.Fatalf("the first page does not say 130 people on 3 pages")
	}
	jump := regexp.MustCompile(`<a href="([^"]+)" aria-label="Page 3">`).FindStringSubmatch(first.Body)
	if jump == nil {
		t.Fatal("no link jumps to page 3")
	}
	third := c.Get(html.UnescapeString(jump[1]))
	got := listed(third.Body)
	if len(got) != 30 || got[0] != "101" || got[29] != "130" {
		t.Fatalf("page 3 lists %d rows from %v, want rows 101-130", len(got), got)
	}
	for i := 1; i < len(got); i++ {
		if got[i] <= got[i-1] {
			t.Fatalf("page 3 is out of order: %v", got)
		}
	}
	u, _ := url.Parse(html.UnescapeString(jump[1]))
	if u.Query().Get("sort") != "name" || !strings.Contains(third.Body, "Page 3 of 3") || !strings.Contains(third.Body, `rel="prev"`) {
		t.Error("the jump loses the sort, or page 3 does not say where it is")
	}
	if strings.Contains(third.Body, `rel="next"`) || strings.Contains(third.Body, `rel="last"`) {
		t.Error("the last page offers a next or last page")
	}

	// Next by cursor from page 1 goes on to page 2, numbered.
	next := regexp.MustCompile(`<a href="([^"]+)" rel="next">`).FindStringSubmatch(first.Body)
	second := c.Get(html.UnescapeString(next[1]))
	if got := listed(second.Body); len(got) != 50 || got[0] != "051" || !strings.Contains(second.Body, "Page 2 of 3") {
		t.Errorf("next from page 1 shows %v", got)
	}

	// A page past the end shows the last page, not an error.
	far := c.Get("/people?sort=name&page=99")
	if got := listed(far.Body); far.Status != 200 || len(got) != 30 || got[0] != "101" {
		t.Errorf("page 99: %d, lists %v", far.Status, got)
	}
	if r := c.Get("/people?sort=name&page=abc"); r.Status != 200 || len(listed(r.Body)) != 50 {
		t.Error("a page number that is not a number does not show the first page")
	}

	// The filters count too.
	if r := c.Get("/people?has_id=yes"); !strings.Contains(r.Body, "0 people") && !strings.Contains(r.Body, "Nobody matches") {
		t.Error("a filter that matches nobody says neither 0 nor nobody")
	}
}

func TestPeopleListSaysTheTotalInRussian(t *testing.T) {
	f := newFixture(t)
	for i := range 3 {
		f.Child(t, fmt.Sprintf("Bala%03d", i+1), "Dana", day(2014, 1, 1), "")
	}
	c := f.User(t, "ru@example.org", access.Coordinator, "ru")
	if r := c.Get("/people"); !strings.Contains(r.Body, "3 человека") {
		t.Error("the Russian list does not say 3 человека")
	}
}

func TestSearchSaysHowManyItFoundPastTheCap(t *testing.T) {
	f := newFixture(t)
	for i := range people.SearchLimit + 13 {
		f.Child(t, fmt.Sprintf("Bala%03d", i+1), "Dana", day(2014, 1, 1), "")
	}
	f.Child(t, "Жанова", "Аружан", day(2014, 1, 1), "")
	c := f.Login(t, "coord@example.org")
	r := c.Get("/people?q=Dana")
	if !strings.Contains(r.Body, "Showing 50 of 63 found") || len(listed(r.Body)) != people.SearchLimit {
		t.Errorf("a capped search does not say it shows 50 of 63 (%d listed)", len(listed(r.Body)))
	}
	if r := c.Get("/people?q=Zhanova"); strings.Contains(r.Body, "refine the search") || !strings.Contains(r.Body, "Жанова") ||
		!strings.Contains(r.Body, "1 person") {
		t.Error("a search that shows all it found says it is capped")
	}
}

func TestHouseholdListCountsOnlyItsScope(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for i := range 3 {
		must(f.Svc.People.CreateHousehold(ctx, access.System, people.HouseholdInput{OrgID: f.Org.ID, RegionCode: "KZ-75",
			Address: fmt.Sprint("Abay street ", i+1)}))
	}
	tehran := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Tehran Charity", Type: orgs.Charity, RegionCode: "IR-23"}))
	must(f.Svc.People.CreateHousehold(ctx, access.System, people.HouseholdInput{OrgID: tehran.ID, RegionCode: "IR-23", Address: "Enghelab"}))
	c := f.Login(t, "coord@example.org")
	if r := c.Get("/households"); !strings.Contains(r.Body, "3 records") {
		t.Error("the households list does not count the 3 of the coordinator's scope alone")
	}
	if r := c.Get("/households?limit=2&page=2"); !strings.Contains(r.Body, "Page 2 of 2") || !strings.Contains(r.Body, "Abay street 1") ||
		strings.Contains(r.Body, "Abay street 3") {
		t.Error("page 2 of the households is not the oldest one")
	}
}
