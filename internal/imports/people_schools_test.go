package imports_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

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

// twoSchoolColumns is a list with two columns Jol does not know, either
// of which the answers may read the school from.
const twoSchoolColumns = "Фамилия;Имя;Дата рождения;Пол;Колонка А;Колонка Б\n" +
	"Ахметова;Мадина;12.02.2013;Ж;Лицей №2;Школа №150\n" +
	"Ахметов;Тимур;14.04.2018;М;Лицей №2;Школа №151\n" +
	"Ким;Ольга;03.06.2013;Ж;Школа-гимназия №7;Школа №152\n"

// The preview reads the whole file for its schools once per column the
// school is read from, not at every view; what is registered meanwhile is
// seen at the next view all the same, and a purge forgets what was read.
func TestUnknownSchoolsAreReadOncePerUpload(t *testing.T) {
	eachEngine(t, func(t *testing.T, w *web) {
		up := w.save(t, "школы.csv", []byte(twoSchoolColumns))
		reads := func() int64 { return imports.SchoolReads(w.svc) }
		view := func(tpl imports.Template) string {
			t.Helper()
			unknown, _, err := w.svc.UnknownSchools(ctx, w.operator, up, tpl)
			if err != nil {
				t.Fatal(err)
			}
			return fmt.Sprint(unknown)
		}
		now, before := imports.Template{}, imports.Template{}
		now.Set("Колонка А", imports.School)
		now.Set("Колонка Б", "")
		before.Set("Колонка А", "")
		before.Set("Колонка Б", imports.School)
		first, second := view(now), view(now)
		if reads() != 1 || first != second || first != "[{Лицей №2 2} {Школа-гимназия №7 1}]" {
			t.Fatalf("two views read the file %d times: %s, then %s", reads(), first, second)
		}
		if got := view(before); reads() != 2 || got != "[{Школа №150 1} {Школа №151 1} {Школа №152 1}]" {
			t.Fatalf("the school read from the other column: %s, %d reads", got, reads())
		}
		if view(now) != first || view(before) == first || reads() != 2 {
			t.Fatalf("the views again read the file: %d reads", reads())
		}
		unknown, _, _ := w.svc.UnknownSchools(ctx, w.operator, up, now)
		if _, err := w.svc.CreateSchools(ctx, w.world.Principal(access.Coordinator), up.OrgID, unknown, []string{"Лицей №2"}); err != nil {
			t.Fatal(err)
		}
		if got := view(now); got != "[{Школа-гимназия №7 1}]" || reads() != 2 {
			t.Fatalf("after registering Лицей №2: %s, %d reads", got, reads())
		}
		w.world.Clock.Advance(imports.Retention + time.Hour)
		if _, err := w.svc.Purge(ctx, w.world.Clock.Now().Add(-imports.Retention)); err != nil {
			t.Fatal(err)
		}
		up = must(w.svc.Upload(ctx, w.operator, up.ID))
		if got := view(now); got != "[]" || reads() != 2 {
			t.Fatalf("a purged upload: %s, %d reads", got, reads())
		}
	})
}
