package imports_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/tabular"
)

// schoolsList names 3 schools the world does not know, over 6 rows, and
// the world's School №1.
const schoolsList = "Фамилия;Имя;Дата рождения;Пол;Школа\n" +
	"Ахметова;Мадина;12.02.2013;Ж;Школа-гимназия №7\n" +
	"Ахметов;Тимур;14.04.2018;М;школа-гимназия  №7\n" +
	"Ким;Ольга;03.06.2013;Ж;Лицей №2\n" +
	"Сейітов;Айбек;01.03.2015;М;School №1\n" +
	"Оспанов;Ерлан;01.01.2014;М;Школа-гимназия №7\n" +
	"Исаев;Данияр;05.05.2015;М;Школа №150\n" +
	"Беков;Арман;07.07.2016;М;Лицей №2\n"

// A list naming schools not registered: the whole file is read once and
// each school listed once with its rows; a coordinator creates them and
// the dry run then refuses none, where it refused every row before.
func TestUnknownSchoolsAreListedOnceAndCreated(t *testing.T) {
	eachEngine(t, func(t *testing.T, w *web) {
		up := w.save(t, "школы.csv", []byte(schoolsList))
		unknown, more, err := w.svc.UnknownSchools(ctx, w.operator, up, imports.Template{})
		if err != nil || more {
			t.Fatal(err, more)
		}
		if got := fmt.Sprint(unknown); got != "[{Школа-гимназия №7 3} {Лицей №2 2} {Школа №150 1}]" {
			t.Fatalf("unknown schools %s", got)
		}
		coord := w.world.Principal(access.Coordinator)
		for _, r := range []access.Role{access.Admin, access.Coordinator, access.Operator, access.SchoolStaff, access.Outreach} {
			p := w.world.Principal(r)
			if got, want := w.svc.MayCreateSchools(ctx, p, up), r == access.Admin || r == access.Coordinator; got != want {
				t.Errorf("%s may create the schools: %v", r, got)
			}
		}
		if _, err := w.svc.CreateSchools(ctx, w.operator, up.OrgID, unknown, nil); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("an operator creates schools: %v", err)
		}
		if res := w.dry(t, up, w.operator); res.Rejected != 6 {
			t.Fatalf("before: %s", res.Line())
		}
		made, err := w.svc.CreateSchools(ctx, coord, up.OrgID, unknown, []string{"ШКОЛА-ГИМНАЗИЯ №7", "Лицей №2", "Школа №150"})
		if err != nil || made != 3 {
			t.Fatalf("created %d: %v", made, err)
		}
		if n := w.count(t, "audit_log", "entity = $1 AND action = 'create'", "organisation"); n < 3 {
			t.Fatalf("%d organisations created in the change log", n)
		}
		if unknown, _, _ = w.svc.UnknownSchools(ctx, w.operator, up, imports.Template{}); len(unknown) != 0 {
			t.Fatalf("still unknown: %v", unknown)
		}
		if res := w.dry(t, up, w.operator); res.Rejected != 0 {
			t.Fatalf("after: %s", res.Line())
		}
	})
}

// dry runs a dry run of schoolsList for up's organisation as p.
func (w *web) dry(t *testing.T, up imports.Upload, p access.Principal) imports.Result {
	t.Helper()
	rd, err := tabular.Open(up.Name, strings.NewReader(schoolsList), int64(len(schoolsList)))
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	res, _, err := imports.Run(ctx, w.peopleTarget(), p, rd, imports.Options{OrgID: up.OrgID, DryRun: true}, func(imports.RowError) {}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}
