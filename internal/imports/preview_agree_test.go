package imports_test

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/tabular"
)

// A school's list without a region column, with a row without a surname
// and one born in the future: the preview flags exactly the rows the dry
// run refuses, and the others take the school's region.
func TestPreviewAndDryRunAgreeOnEveryRowShown(t *testing.T) {
	eachEngine(t, func(t *testing.T, w *web) {
		body := []byte("Фамилия;Имя;Дата рождения;Пол\n" +
			"Ахметова;Мадина;12.02.2013;Ж\n" +
			";Тимур;14.04.2018;М\n" +
			"Ким;Ольга;03.06.2099;Ж\n" +
			"Сейітов;Айбек;01.03.2015;М\n")
		up := w.save(t, "без региона.csv", body)
		check, err := w.svc.Check(ctx, w.operator, up, imports.Template{})
		if err != nil {
			t.Fatal(err)
		}
		var flagged []string
		for _, r := range check.Rows {
			for _, e := range r.Errors {
				flagged = append(flagged, fmt.Sprint(r.Line, " ", e.Column, " ", e.Key))
			}
		}
		rd, err := tabular.Open(up.Name, bytes.NewReader(body), int64(len(body)))
		if err != nil {
			t.Fatal(err)
		}
		defer rd.Close()
		var refused []string
		res, _, err := imports.Run(ctx, w.peopleTarget(), w.operator, rd, imports.Options{OrgID: w.school.ID, DryRun: true},
			func(e imports.RowError) { refused = append(refused, fmt.Sprint(e.Line, " ", e.Column, " ", e.Key)) }, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"3 last_name error.required", "4 birth_date error.birth_future"}
		if !slices.Equal(flagged, want) || !slices.Equal(refused, want) {
			t.Fatalf("preview flags %q, dry run refuses %q, want %q", flagged, refused, want)
		}
		if res.Created != 2 {
			t.Fatalf("dry run %+v: the rows without a region take the school's", res)
		}
	})
}
