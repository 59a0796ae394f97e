package duplicates_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/dedupe"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var (
	lasts = []string{"Ахметова", "Жумабаева", "Нуртазина", "Касымова", "Оспанова", "Тулегенова", "Искакова",
		"Сарсенбаева", "Есенова", "Кенжебаева", "Байжанова", "Смагулова"}
	firsts = []string{"Айгерим", "Дана", "Асель", "Жанна", "Камила", "Алия", "Сабина", "Диляра", "Томирис", "Аружан"}
)

// queued fills the fixture's registry with distinct children and two
// pairs of records of one child, scans it and returns the ids of the
// pairs' first records by name.
func queued(t *testing.T, f *webtest.Fixture) map[string]people.Person {
	t.Helper()
	for i, last := range lasts {
		for j, first := range firsts {
			f.Child(t, last, first, webtest.Day(2010+(i+j)%8, time.Month(1+(i*5+j)%12), 1+(i*7+j*3)%28), "")
		}
	}
	out := map[string]people.Person{
		"madina":  f.Child(t, "Омарова", "Мадина", webtest.Day(2015, 3, 1), ""),
		"madina2": f.Child(t, "Omarova", "Madina", webtest.Day(2015, 3, 1), ""),
		"anna":    f.Child(t, "Иванова", "Анна", webtest.Day(2016, 4, 7), ""),
		"anna2":   f.Child(t, "Иванова", "Анна", webtest.Day(2016, 7, 4), ""),
	}
	webtest.Must(f.Svc.Dedupe.Run(context.Background(), dedupe.ByRequest, 0))
	return out
}

// pairOf finds the queue's pair of two records.
func pairOf(t *testing.T, f *webtest.Fixture, a, b people.Person) int64 {
	t.Helper()
	rows, _ := webtest.Must2(f.Svc.Dedupe.Queue(context.Background(), access.System, dedupe.Page{Limit: 500}))
	for _, p := range rows {
		if p.A.ID == min(a.ID, b.ID) && p.B.ID == max(a.ID, b.ID) {
			return p.ID
		}
	}
	t.Fatalf("no pair of %d and %d in %+v", a.ID, b.ID, rows)
	return 0
}

func TestQueueAndDecisions(t *testing.T) {
	f := webtest.New(t)
	named := queued(t, f)
	c := f.Login(t, "coord@example.org")
	r := c.Get("/duplicates")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "Омарова Мадина") || !strings.Contains(r.Body, "Omarova Madina") {
		t.Fatalf("queue: %d %s", r.Status, r.Body)
	}
	madina := pairOf(t, f, named["madina"], named["madina2"])
	anna := pairOf(t, f, named["anna"], named["anna2"])
	r = c.Get(fmt.Sprintf("/duplicates/%d", anna))
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "Similar") || !strings.Contains(r.Body, `id="merge"`) {
		t.Fatalf("pair page: %d %s", r.Status, r.Body)
	}
	r = c.Post(fmt.Sprintf("/duplicates/%d/distinct", anna), nil)
	if r.Status != http.StatusSeeOther || r.Location != "/duplicates" {
		t.Fatalf("not the same: %d %s", r.Status, r.Body)
	}
	r = c.Post(fmt.Sprintf("/duplicates/%d/merge", madina), url.Values{"keep": {webtest.Itoa(named["madina"].ID)}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("merge: %d %s", r.Status, r.Body)
	}
	if got := webtest.Must(f.Svc.People.Get(context.Background(), access.System, named["madina2"].ID, people.ViaWeb)); got.MergedInto != named["madina"].ID {
		t.Errorf("the record dropped is merged into %d", got.MergedInto)
	}
	r = c.Get("/duplicates")
	if strings.Contains(r.Body, "Omarova Madina") || strings.Contains(r.Body, fmt.Sprintf("/duplicates/%d\"", anna)) {
		t.Errorf("decided pairs are still listed: %s", r.Body)
	}
	// A second decision on a decided pair tells the reviewer so.
	r = c.Post(fmt.Sprintf("/duplicates/%d/merge", anna), url.Values{"keep": {webtest.Itoa(named["anna"].ID)}})
	if r.Status != http.StatusConflict || !strings.Contains(r.Body, "Another reviewer has already decided this pair.") {
		t.Errorf("deciding again: %d %s", r.Status, r.Body)
	}
	r = c.Get(fmt.Sprintf("/duplicates/%d", anna))
	if !strings.Contains(r.Body, `id="decision"`) || strings.Contains(r.Body, `id="merge"`) {
		t.Errorf("a decided pair's page: %s", r.Body)
	}
}

func TestPairOutsideTheScopeIsNotFound(t *testing.T) {
	f := webtest.New(t)
	named := queued(t, f)
	anna := pairOf(t, f, named["anna"], named["anna2"])
	ctx := context.Background()
	other := webtest.Must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Karaganda Fund", Type: orgs.Foundation, RegionCode: "KZ-35"}))
	webtest.Must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "karaganda@example.org", Name: "Karaganda",
		Role: access.Coordinator, OrgID: other.ID, Region: "KZ-35", Locale: "en", Password: webtest.Password}))
	c := f.Login(t, "karaganda@example.org")
	if r := c.Get(fmt.Sprintf("/duplicates/%d", anna)); r.Status != http.StatusNotFound {
		t.Errorf("another region's coordinator opening a pair: %d", r.Status)
	}
	if r := c.Get("/duplicates"); r.Status != http.StatusOK || strings.Contains(r.Body, "Иванова") {
		t.Errorf("another region's coordinator's queue: %d %s", r.Status, r.Body)
	}
	if r := c.Post(fmt.Sprintf("/duplicates/%d/distinct", anna), nil); r.Status != http.StatusNotFound {
		t.Errorf("another region's coordinator deciding a pair: %d", r.Status)
	}
	v := f.User(t, "volunteer@example.org", access.Volunteer, "en")
	if r := v.Get("/duplicates"); r.Status != http.StatusForbidden {
		t.Errorf("a volunteer opening the queue: %d", r.Status)
	}
}
