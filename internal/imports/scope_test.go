package imports_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
)

// TestDryRunReportNamesNoRecordOutsideTheScope: a list with the IIN of a
// child another school registered comes back from a dry run with the
// reason that names no record, in the reader's language.
func TestDryRunReportNamesNoRecordOutsideTheScope(t *testing.T) {
	eachEngine(t, func(t *testing.T, w *web) {
		number := must(natid.MakeIIN(time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC), natid.Male, 11))
		theirs, err := w.people.Create(ctx, w.stranger, people.Input{LastName: "Оспанов", FirstName: "Ерлан",
			BirthDate: time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC), Sex: people.Male, NationalID: number, RegionCode: "KZ-75", OrgID: w.stranger.OrgID})
		if err != nil {
			t.Fatal(err)
		}
		up := w.save(t, "список.csv", []byte("Фамилия;Имя;Дата рождения;Пол;ИИН;Область;Класс\n"+
			"Оспанов;Ерлан;01.01.2014;М;"+number+";Алматы;5\n"))
		dry := must(w.svc.Start(ctx, w.operator, up.ID, nil, true))
		w.work(t, func() { dry = w.wait(t, dry) })
		if dry.Status != jobs.Done || dry.Result.Rejected != 1 {
			t.Fatalf("dry run: %s %s", dry.Status, dry.Result.Line())
		}
		rows, failed := w.svc.RejectRows(ctx, up, dry, must(i18n.New()).Localizer(i18n.RU))
		var lines []string
		for r := range rows {
			lines = append(lines, strings.Join(r, "|"))
		}
		want := "2|ИИН|" + number + "|Этот идентификационный номер уже зарегистрирован в записях, к которым у вас нет доступа. " +
			"Обратитесь к администратору: он свяжется с координатором организации, которая зарегистрировала этого человека."
		if *failed != nil || !slices.Contains(lines, want) {
			t.Fatalf("report rows: %q, %v", lines, *failed)
		}
		if strings.Contains(strings.Join(lines, "\n"), "№ "+strconv.FormatInt(theirs.ID, 10)) {
			t.Errorf("the report names record %d", theirs.ID)
		}
	})
}
