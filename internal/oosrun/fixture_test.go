package oosrun_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
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
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// pupil is a child of the fixture, written on the lists.
type pupil struct {
	last, first, birth, sex, region string
}

var (
	lasts = []string{"Ахметов", "Сейткали", "Жумабаев", "Нуртазин", "Касымов", "Бекмуратов", "Оспанов",
		"Тулегенов", "Искаков", "Сарсенбаев", "Абдрахманов", "Есенов", "Мухамедов", "Кенжебаев", "Байжанов"}
	boys = []string{"Нурлан", "Ержан", "Арман", "Данияр", "Алихан", "Темирлан", "Асхат", "Бауыржан", "Руслан", "Мирас"}
)

// fillers are 120 distinct boys of Almaty, 7 to 15 years old in
// September 2026, whom every enrolment list has as attending.
func fillers() []pupil {
	rng := rand.New(rand.NewPCG(3, 9))
	seen := map[string]bool{}
	var out []pupil
	for len(out) < 120 {
		p := pupil{last: lasts[rng.IntN(len(lasts))], first: boys[rng.IntN(len(boys))],
			birth: fmt.Sprintf("%02d.%02d.%d", 1+rng.IntN(28), 1+rng.IntN(12), 2011+rng.IntN(8)), sex: "M",
			region: "Алматы"}
		if seen[p.last+p.first+p.birth] {
			continue
		}
		seen[p.last+p.first+p.birth] = true
		out = append(out, p)
	}
	return out
}

// The children the tests look for.
var (
	// attending: on this year's list, in Latin script.
	ahmetov = pupil{"Ахметов", "Ерлан", "04.03.2015", "M", "Алматы"}
	// on this year's list as not attending: visible, never enrolled.
	seitkali = pupil{"Сейткали", "Айгерим", "12.06.2014", "F", "Алматы"}
	// on this year's list as left: visible, dropped out.
	ivanova = pupil{"Иванова", "Анна", "07.04.2016", "F", "Алматы"}
	// on last year's list only: semi-invisible, dropped out.
	omarova = pupil{"Омарова", "Дана", "15.01.2013", "F", "Алматы"}
	// on no list: invisible, never enrolled.
	zhumabaeva = pupil{"Жумабаева", "Мадина", "20.09.2012", "F", "Алматы"}
	// on no list, in Astana: invisible, never enrolled, another district.
	bekova = pupil{"Бекова", "Томирис", "02.02.2011", "F", "Астана"}
	// four years old: not of school age.
	baby = pupil{"Касымова", "Алия", "01.01.2022", "F", "Алматы"}
)

// csvOf writes pupils as a list with the header and, per row, the extra cells.
func csvOf(header string, ps []pupil, extra func(pupil) string) string {
	var b strings.Builder
	b.WriteString("last_name,first_name,birth_date,sex,region" + header + "\n")
	for _, p := range ps {
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s%s\n", p.last, p.first, p.birth, p.sex, p.region, extra(p))
	}
	return b.String()
}

func none(pupil) string { return "" }

// importList imports body into target for org as p, returning the list's
// id, the import's totals and the rejects as "line column key".
func importList(t *testing.T, w *testworld.World, p access.Principal, target string, org int64, body string) (
	int64, imports.Result, []string) {
	t.Helper()
	tg := w.Services.Imports.Targets.Get(target)
	if tg == nil {
		t.Fatalf("no target %s", target)
	}
	rd, err := tabular.Open("list.csv", bytes.NewReader([]byte(body)), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	var rejects []string
	res, probs, err := imports.Run(t.Context(), tg, p, rd, imports.Options{OrgID: org, Source: target + ".csv"},
		func(e imports.RowError) { rejects = append(rejects, fmt.Sprintf("%d %s %s", e.Line, e.Column, e.Key)) }, nil)
	if err != nil {
		t.Fatalf("import %s: %v %+v", target, err, probs)
	}
	var id int64
	if err := w.DB.R.QueryRowContext(t.Context(), "SELECT COALESCE(MAX(id), 0) FROM oos_lists").Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id, res, rejects
}

// fixture imports the population list (for the centre) and this year's
// and last year's enrolment lists (for School №1), as the coordinator.
type fixture struct {
	w                   *testworld.World
	pop, current, older int64
}

func newFixture(t *testing.T, w *testworld.World) fixture {
	t.Helper()
	coord := w.Principal(access.Coordinator)
	fill := fillers()
	pop := append(append([]pupil{}, fill...), ahmetov, seitkali, ivanova, omarova, zhumabaeva, bekova, baby)
	f := fixture{w: w}
	var rejects []string
	f.pop, _, rejects = importList(t, w, coord, "population-list", w.Centre.ID, csvOf("", pop, none))
	if len(rejects) > 0 {
		t.Fatalf("population rejects %v", rejects)
	}
	status := map[pupil]string{seitkali: "не посещает", ivanova: "выбыл"}
	cur := append(append([]pupil{}, fill...), pupil{"Akhmetov", "Yerlan", "04.03.2015", "M", "Almaty"}, seitkali, ivanova)
	f.current, _, rejects = importList(t, w, coord, "enrolment-list", w.School.ID, csvOf(",school_year,status", cur,
		func(p pupil) string { return ",2026/27," + status[p] }))
	if len(rejects) > 0 {
		t.Fatalf("enrolment rejects %v", rejects)
	}
	old := append(append([]pupil{}, fill...), omarova)
	f.older, _, rejects = importList(t, w, coord, "enrolment-list", w.School.ID, csvOf(",school_year", old,
		func(pupil) string { return ",2025-2026" }))
	if len(rejects) > 0 {
		t.Fatalf("older enrolment rejects %v", rejects)
	}
	return f
}

// run starts a run of the fixture's lists and more as the coordinator and
// does its job.
func (f fixture) run(t *testing.T, more ...int64) oosrun.Run {
	t.Helper()
	ctx, s := t.Context(), f.w.Services.OOS
	coord := f.w.Principal(access.Coordinator)
	r, err := s.Start(ctx, coord, oosrun.Input{Population: f.pop, Enrolment: append([]int64{f.current, f.older}, more...),
		SchoolYear: 2026})
	if err != nil {
		t.Fatal(err)
	}
	var payload string
	if err := f.w.DB.R.QueryRowContext(ctx, store.Rebind(f.w.DB.Engine, "SELECT payload FROM jobs WHERE id = $1"),
		r.JobID).Scan(&payload); err != nil {
		t.Fatal(err)
	}
	j := jobs.Job{Payload: []byte(payload), Attempts: 1, MaxAttempts: 2}
	if res, err := s.Handle(ctx, &j, noProgress{}); err != nil {
		t.Fatalf("run job: %v (%s)", err, res)
	}
	if r, err = s.Run(ctx, coord, r.ID); err != nil || r.Status != jobs.Done {
		t.Fatalf("run %+v: %v", r, err)
	}
	return r
}

type noProgress struct{}

func (noProgress) Set(int64, int64) {}
