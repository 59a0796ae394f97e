package api

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/oosrun"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/tabular"
)

type noProgress struct{}

func (noProgress) Set(int64, int64) {}

// TestOOSAPI: the lists are listed, a run is started (202), done by its
// job, read with its children; a child is opened; another organisation's
// coordinator does not find the run and a volunteer is refused.
func TestOOSAPI(t *testing.T) {
	f := newFixture(t, storetest.Engine(t))
	w := f.w
	var pop, enrol strings.Builder
	pop.WriteString("last_name,first_name,birth_date,sex\n")
	enrol.WriteString("last_name,first_name,birth_date,sex,school_year,status\n")
	lasts := []string{"Ахметова", "Жумабаева", "Нуртазина", "Касымова", "Оспанова", "Тулегенова", "Искакова", "Есенова"}
	firsts := []string{"Айгерим", "Дана", "Асель", "Жанна", "Камила", "Алия", "Сабина", "Диляра"}
	for i, last := range lasts {
		for j, first := range firsts {
			birth := fmt.Sprintf("%02d.%02d.%d", 1+(i*7+j*3)%28, 1+(i*5+j)%12, 2010+(i+j)%8)
			fmt.Fprintf(&pop, "%s,%s,%s,F\n", last, first, birth)
			fmt.Fprintf(&enrol, "%s,%s,%s,F,2026/27,\n", last, first, birth)
		}
	}
	pop.WriteString("Омарова,Мадина,01.03.2015,F\n")
	coordP := w.Principal(access.Coordinator)
	for _, l := range []struct{ target, body string }{{"population-list", pop.String()}, {"enrolment-list", enrol.String()}} {
		rd, err := tabular.Open("l.csv", bytes.NewReader([]byte(l.body)), int64(len(l.body)))
		check(t, err)
		_, _, err = imports.Run(t.Context(), f.svc.Imports.Targets.Get(l.target), coordP, rd,
			imports.Options{OrgID: w.Centre.ID}, func(e imports.RowError) { t.Errorf("%+v", e) }, nil)
		check(t, err)
	}
	coord := f.token[access.Coordinator]
	lists := decodeAs[struct{ Items []oosrun.List }](t, f.do(t, "GET", Prefix+"/oos/lists?kind=population", coord, nil))
	enrols := decodeAs[struct{ Items []oosrun.List }](t, f.do(t, "GET", Prefix+"/oos/lists?kind=enrolment", coord, nil))
	if len(lists.Items) != 1 || len(enrols.Items) != 1 || enrols.Items[0].SchoolYear != 2026 {
		t.Fatalf("lists %+v %+v", lists, enrols)
	}
	if r := f.do(t, "GET", Prefix+"/oos/lists?kind=other", coord, nil); r.Code != http.StatusUnprocessableEntity {
		t.Errorf("a kind of list that is not: %d", r.Code)
	}
	r := f.do(t, "POST", Prefix+"/oos/runs", coord, map[string]any{"population": lists.Items[0].ID,
		"enrolment": []int64{enrols.Items[0].ID}, "school_year": 2026})
	if r.Code != http.StatusAccepted || r.Header().Get("Location") == "" {
		t.Fatalf("start: %d %s", r.Code, r.Body)
	}
	run := decodeAs[oosrun.Run](t, r)
	var payload string
	check(t, w.DB.R.QueryRowContext(t.Context(), store.Rebind(w.DB.Engine, "SELECT payload FROM jobs WHERE id = $1"),
		run.JobID).Scan(&payload))
	_, err := f.svc.OOS.Handle(t.Context(), &jobs.Job{Payload: []byte(payload), Attempts: 1, MaxAttempts: 2}, noProgress{})
	check(t, err)
	path := Prefix + "/oos/runs/" + fmt.Sprint(run.ID)
	if got := decodeAs[oosrun.Run](t, f.do(t, "GET", path, coord, nil)); got.Status != "done" || got.Result.Flagged != 1 {
		t.Fatalf("run %+v", got)
	}
	kids := decodeAs[struct{ Items []oosrun.Flag }](t, f.do(t, "GET", path+"/children?limit=10", coord, nil))
	if len(kids.Items) != 1 || kids.Items[0].LastName != "Омарова" || kids.Items[0].Visibility != "invisible" {
		t.Fatalf("children %+v", kids)
	}
	if r := f.do(t, "GET", fmt.Sprintf("%s/children/%d", path, kids.Items[0].PersonID), coord, nil); r.Code != http.StatusOK ||
		!strings.Contains(r.Body.String(), `"category":"never_enrolled"`) {
		t.Errorf("child: %d %s", r.Code, r.Body)
	}
	if r := f.do(t, "GET", path, f.newToken(t, w.Stranger), nil); r.Code != http.StatusNotFound {
		t.Errorf("a stranger reads the run: %d", r.Code)
	}
	if r := f.do(t, "GET", path, f.token[access.Volunteer], nil); r.Code != http.StatusForbidden {
		t.Errorf("a volunteer reads the run: %d", r.Code)
	}
	if r := f.do(t, "POST", Prefix+"/oos/runs", coord, map[string]any{"population": lists.Items[0].ID,
		"school_year": 2026}); r.Code != http.StatusUnprocessableEntity || !strings.Contains(r.Body.String(), "enrolment") {
		t.Errorf("no enrolment list: %d %s", r.Code, r.Body)
	}
}
