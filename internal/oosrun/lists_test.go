package oosrun_test

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/oosrun"
	"github.com/jolproject/jol/internal/tabular"
	"github.com/jolproject/jol/internal/testworld"
)

// TestListsKeepTheirRows: each import keeps its list, with the school
// years and statuses read; population rows are registered persons.
func TestListsKeepTheirRows(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := newFixture(t, w)
		coord := w.Principal(access.Coordinator)
		pops, err := w.Services.OOS.Lists(t.Context(), coord, oosrun.Population)
		if err != nil || len(pops) != 1 || pops[0].ID != f.pop || pops[0].Rows != 127 || pops[0].OrgName != "Support centre" {
			t.Fatalf("population lists %+v %v", pops, err)
		}
		enrol, err := w.Services.OOS.Lists(t.Context(), coord, oosrun.Enrolment)
		if err != nil || len(enrol) != 2 || enrol[0].SchoolYear != 2026 || enrol[1].SchoolYear != 2025 {
			t.Fatalf("enrolment lists %+v %v", enrol, err)
		}
		if n := count(t, w, "SELECT count(*) FROM persons"); n < 127 {
			t.Errorf("%d persons after the population list", n)
		}
		if n := count(t, w, "SELECT count(*) FROM oos_list_rows WHERE status = 'left'"); n != 1 {
			t.Errorf("%d rows say left", n)
		}
		if l, err := w.Services.OOS.Lists(t.Context(), w.Stranger.Principal(), oosrun.Population); err != nil || len(l) != 0 {
			t.Errorf("a stranger sees %v %v", l, err)
		}
	})
}

// TestBadLists: a population list without birth dates is refused with
// the reason, a row without one too; an identifier in scientific
// notation is refused, not rounded; a bad school year or status is named.
func TestBadLists(t *testing.T) {
	w := testworld.SQLite(t)
	coord := w.Principal(access.Coordinator)
	tg := w.Services.Imports.Targets.Get("population-list")
	body := "last_name,first_name,sex\nАхметов,Ерлан,M\n"
	rd, err := tabular.Open("l.csv", bytes.NewReader([]byte(body)), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	_, probs, err := imports.Run(t.Context(), tg, coord, rd, imports.Options{OrgID: w.Centre.ID}, func(imports.RowError) {}, nil)
	if !errors.Is(err, imports.ErrHeader) || !slices.ContainsFunc(probs, func(p imports.HeaderProblem) bool {
		return p.Key == "import.header_missing" && len(p.Args) == 2 && p.Args[1] == string(imports.BirthDate)
	}) {
		t.Fatalf("a list without birth dates: %v %+v", err, probs)
	}
	_, res, rejects := importList(t, w, coord, "population-list", w.Centre.ID,
		"last_name,first_name,birth_date,national_id\nАхметов,Ерлан,,\nОмарова,Дана,15.01.2013,1.40701E+11\nЕсенов,Арман,01.02.2014,\n")
	want := []string{"2 birth_date oos.birth_date_required", "3 national_id import.scientific_id"}
	if res.Created != 1 || !slices.Equal(rejects, want) {
		t.Errorf("population rejects %v (%+v), want %v", rejects, res, want)
	}
	_, res, rejects = importList(t, w, coord, "enrolment-list", w.School.ID,
		"last_name,first_name,birth_date,school_year,status\nАхметов,Ерлан,04.03.2015,2026/28,\nОмарова,Дана,15.01.2013,2026,sleeping\nЕсенов,Арман,01.02.2014,۲۰۲۶/۲۷,left\n")
	want = []string{"2 school_year oos.school_year_invalid", "3 status oos.status_invalid"}
	if res.Created != 1 || !slices.Equal(rejects, want) {
		t.Errorf("enrolment rejects %v (%+v), want %v", rejects, res, want)
	}
}
