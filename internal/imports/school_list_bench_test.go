package imports_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/tabular"
)

// BenchmarkSchoolList imports a school's list of 20,000 pupils, half of
// them already registered, into a SQLite registry of 100,000 people,
// filing a request for each in an open campaign; it reports rows/s.
//
//	go test ./internal/imports -run '^$' -bench SchoolList -benchtime 1x
func BenchmarkSchoolList(b *testing.B) {
	const registry, listed = 100_000, 20_000
	db := storetest.SQLite(b)
	w := newSchoolWorld(b, db)
	s := w.Services
	run := func(t *imports.Target, body string, o imports.Options) imports.Result {
		rd, err := tabular.Open("list.csv", strings.NewReader(body), int64(len(body)))
		if err != nil {
			b.Fatal(err)
		}
		defer rd.Close()
		res, _, err := imports.Run(ctx, t, access.System, rd, o, func(imports.RowError) {}, nil)
		if err != nil {
			b.Fatal(err)
		}
		return res
	}
	pupil := func(buf *bytes.Buffer, i int) {
		fmt.Fprintf(buf, "Фамилия%06d,Имя%06d,%02d.%02d.%d\n", i, i, 1+i%28, 1+i%12, 2010+i%8)
	}
	var reg bytes.Buffer
	reg.WriteString("last name,first name,birth date\n")
	for i := range registry {
		pupil(&reg, i)
	}
	people := imports.PeopleTarget(s.People, s.Geo, s.Orgs)
	if res := run(people, reg.String(), imports.Options{OrgID: w.School.ID}); res.Created != registry {
		b.Fatalf("registry: %s", res.Line())
	}
	var list bytes.Buffer
	list.WriteString("last name,first name,birth date,item\n")
	for i := range listed {
		pupil(&list, registry-listed/2+i) // half registered, half new
		list.Truncate(list.Len() - 1)
		list.WriteString(",test_kit\n")
	}
	target := imports.SchoolListTarget(s.People, s.Geo, s.Orgs, s.Requests)
	b.ResetTimer()
	for range b.N {
		res := run(target, list.String(), imports.Options{OrgID: w.School.ID, Campaign: w.c.ID})
		b.StopTimer()
		if res.Created+res.Updated != listed {
			b.Fatalf("school list: %s", res.Line())
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(listed*b.N)/b.Elapsed().Seconds(), "rows/s")
}
