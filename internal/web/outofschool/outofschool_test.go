package outofschool_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/oosrun"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/tabular"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var (
	lasts  = []string{"Ахметова", "Жумабаева", "Нуртазина", "Касымова", "Оспанова", "Тулегенова", "Искакова", "Есенова"}
	firsts = []string{"Айгерим", "Дана", "Асель", "Жанна", "Камила", "Алия", "Сабина", "Диляра"}
)

// lists imports a population list of 64 girls and two more, and an
// enrolment list of the 64 for 2026/27, as the coordinator; it returns
// the lists' ids.
func lists(t *testing.T, f *webtest.Fixture) (pop, enrol int64) {
	t.Helper()
	var p, e strings.Builder
	p.WriteString("last_name,first_name,birth_date,sex\n")
	e.WriteString("last_name,first_name,birth_date,sex,school_year,status\n")
	for i, last := range lasts {
		for j, first := range firsts {
			birth := fmt.Sprintf("%02d.%02d.%d", 1+(i*7+j*3)%28, 1+(i*5+j)%12, 2010+(i+j)%8)
			fmt.Fprintf(&p, "%s,%s,%s,F\n", last, first, birth)
			fmt.Fprintf(&e, "%s,%s,%s,F,2026/27,\n", last, first, birth)
		}
	}
	p.WriteString("Омарова,Мадина,01.03.2015,F\nСейткали,Томирис,12.06.2013,F\n")
	coord := f.Coord.Principal()
	for _, l := range []struct{ target, body string }{{"population-list", p.String()}, {"enrolment-list", e.String()}} {
		rd := webtest.Must(tabular.Open("l.csv", bytes.NewReader([]byte(l.body)), int64(len(l.body))))
		res, _, err := imports.Run(context.Background(), f.Svc.Imports.Targets.Get(l.target), coord, rd,
			imports.Options{OrgID: f.Org.ID, Source: l.target + ".csv"}, func(e imports.RowError) { t.Errorf("%+v", e) }, nil)
		webtest.Check(t, err)
		if res.Created != res.Read {
			t.Fatalf("%s: %+v", l.target, res)
		}
	}
	ls := webtest.Must(f.Svc.OOS.Lists(context.Background(), coord, oosrun.Population))
	es := webtest.Must(f.Svc.OOS.Lists(context.Background(), coord, oosrun.Enrolment))
	return ls[0].ID, es[0].ID
}

// work does the queued job of run id.
func work(t *testing.T, f *webtest.Fixture, id int64) {
	t.Helper()
	run := webtest.Must(f.Svc.OOS.Run(context.Background(), access.System, id))
	var payload string
	webtest.Check(t, f.DB.R.QueryRowContext(context.Background(), store.Rebind(f.DB.Engine,
		"SELECT payload FROM jobs WHERE id = $1"), run.JobID).Scan(&payload))
	j := jobs.Job{Payload: []byte(payload), Attempts: 1, MaxAttempts: 2}
	webtest.Must(f.Svc.OOS.Handle(context.Background(), &j, noProgress{}))
}

type noProgress struct{}

func (noProgress) Set(int64, int64) {}

func TestStartAndReadARun(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	if r := c.Get("/out-of-school"); r.Status != http.StatusOK || !strings.Contains(r.Body, "No run yet") {
		t.Fatalf("runs: %d %s", r.Status, r.Body)
	}
	if r := c.Get("/out-of-school/new"); r.Status != http.StatusOK || !strings.Contains(r.Body, `id="no-lists"`) {
		t.Fatalf("new without lists: %d %s", r.Status, r.Body)
	}
	pop, enrol := lists(t, f)
	r := c.Get("/out-of-school/new")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "population-list.csv") || !strings.Contains(r.Body, `value="2026/27"`) {
		t.Fatalf("new: %d %s", r.Status, r.Body)
	}
	form := url.Values{"population": {webtest.Itoa(pop)}, "school_year": {"2026/27"}, "min_age": {"6"}, "max_age": {"17"}}
	if r := c.Post("/out-of-school", form); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Choose at least one enrolment list") {
		t.Fatalf("no enrolment list: %d %s", r.Status, r.Body)
	}
	ru := f.User(t, "ru@example.org", access.Coordinator, "ru")
	if r := ru.Post("/out-of-school", form); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Выберите хотя бы один") {
		t.Fatalf("no enrolment list, in Russian: %d %s", r.Status, r.Body)
	}
	form.Set("enrolment", webtest.Itoa(enrol))
	r = c.Post("/out-of-school", form)
	if r.Status != http.StatusSeeOther {
		t.Fatalf("start: %d %s", r.Status, r.Body)
	}
	runs := webtest.Must(f.Svc.OOS.Runs(context.Background(), access.System, 10))
	work(t, f, runs[0].ID)
	page := "/out-of-school/" + webtest.Itoa(runs[0].ID)
	r = c.Get(page)
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "Омарова Мадина") || !strings.Contains(r.Body, "Сейткали Томирис") ||
		!strings.Contains(r.Body, "Never enrolled") || strings.Contains(r.Body, "Ахметова Айгерим") {
		t.Fatalf("results: %d %s", r.Status, r.Body)
	}
	flags := webtest.Must(f.Svc.OOS.Flags(context.Background(), access.System, runs[0].ID, oosrun.After{}, 10))
	var logged int
	count := func() int {
		webtest.Check(t, f.DB.R.QueryRowContext(context.Background(), "SELECT count(*) FROM access_log").Scan(&logged))
		return logged
	}
	n := count()
	if r := c.Get(page + "/children/" + webtest.Itoa(flags[0].PersonID)); r.Status != http.StatusOK || !strings.Contains(r.Body, "no enrolment in 2026/27") {
		t.Fatalf("child: %d %s", r.Status, r.Body)
	}
	if count() != n+1 {
		t.Error("opening a flagged child wrote no access log")
	}
	if r := c.Get(page + "/children/999999"); r.Status != http.StatusNotFound {
		t.Errorf("a child the run did not flag: %d", r.Status)
	}
}
