package imports_test

import (
	"bytes"
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/tabular"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var ctx = context.Background()

// registry is the services an import touches, in a test world; lists are
// imported into the world's school in Almaty.
type registry struct {
	world  *testworld.World
	people *people.Service
	geo    *geo.Service
	orgs   *orgs.Service
	school orgs.Organisation
}

func newRegistry(t *testing.T, db *store.DB) *registry {
	t.Helper()
	w := testworld.New(t, db)
	return &registry{world: w, people: w.Services.People, geo: w.Services.Geo, orgs: w.Services.Orgs, school: w.School}
}

// run imports a file's bytes and returns the result and every rejection.
func (r *registry) run(t *testing.T, name string, body []byte, dry bool) (imports.Result, []imports.RowError) {
	t.Helper()
	rd, err := tabular.Open(name, bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	defer rd.Close()
	var rejected []imports.RowError
	res, probs, err := imports.Run(ctx, imports.PeopleTarget(r.people, r.geo, r.orgs), access.System, rd,
		imports.Options{OrgID: r.school.ID, DryRun: dry, Source: name}, func(e imports.RowError) { rejected = append(rejected, e) }, nil)
	if err != nil {
		t.Fatalf("run %s: %v (header problems %+v)", name, err, probs)
	}
	return res, rejected
}

// A school's list in Russian, as Excel saves it with ';': three good
// children (two of one family), and four bad rows.
const russianList = "Фамилия;Имя;Отчество;Дата рождения;Пол;ИИН;Область;Класс;Семья;Фамилия родителя;Имя родителя;Телефон родителя;Категория\n" +
	"Ахметова;Мадина;Ерлановна;12.02.2013;Ж;130212600018;г. Алматы;7;F-1;Ахметова;Гульнара;+7 701 123 45 67;Многодетная семья\n" +
	"Ахметов;Тимур;Ерланович;14.04.2018;М;180414500039;Алматы;2;F-1;Ахметова;Гульнара;+7 701 123 45 67;low-income\n" +
	"Ким;Ольга;;03.06.2013;ж;;Алматы;7;;;;;\n" +
	"Сейітқали;Айбек;;31.02.2015;М;;Алматы;4;;;;;\n" +
	"Оспанов;Ерлан;;01.01.2014;М;140101500011;Алматы;5;;;;;\n" +
	"Исаев;Данияр;;05.05.2015;кот;;Алматы;4;;;;;\n" +
	"Беков;Арман;;07.07.2016;М;;Атлантида;3;;;;;сироты-пираты\n"

func TestRussianListWithBadRows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := newRegistry(t, db)
		res, rejected := r.run(t, "список.csv", []byte(russianList), false)
		if res.Read != 7 || res.Created != 3 || res.Rejected != 4 || res.Updated != 0 {
			t.Fatalf("first import: %s; rejected %+v", res.Line(), rejected)
		}
		lines := map[int][]string{}
		for _, e := range rejected {
			lines[e.Line] = append(lines[e.Line], e.Column+" "+e.Key)
		}
		for line, want := range map[int]string{5: "birth_date date.nonexistent", 6: "national_id natid.check_digit",
			7: "sex import.sex", 8: "region error.unknown_region"} {
			if !slices.Contains(lines[line], want) {
				t.Errorf("line %d: reasons %q, want %q", line, lines[line], want)
			}
		}
		if !slices.Contains(lines[8], "categories error.unknown_category") {
			t.Errorf("line 8 should also name the unknown category: %q", lines[8])
		}
		again, rejectedAgain := r.run(t, "список.csv", []byte(russianList), false)
		if again.Created != 0 || again.Unchanged != 3 || again.Rejected != 4 || len(rejectedAgain) != len(rejected) {
			t.Fatalf("re-import: %s", again.Line())
		}
		found, err := r.people.Search(ctx, access.System, "Akhmetova Madina", 10)
		if err != nil || len(found) != 1 || found[0].NationalID != "130212600018" {
			t.Fatalf("search the imported child in Latin: %+v, %v", found, err)
		}
	})
}

func TestDryRunWritesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := newRegistry(t, db)
		dry, _ := r.run(t, "list.csv", []byte(russianList), true)
		real, _ := r.run(t, "list.csv", []byte(russianList), false)
		if dry != real {
			t.Fatalf("dry run %s, real run %s", dry.Line(), real.Line())
		}
		if again, _ := r.run(t, "list.csv", []byte(russianList), true); again.Unchanged != 3 {
			t.Fatalf("dry run after the import: %s", again.Line())
		}
	})
}

func TestReportIsTranslated(t *testing.T) {
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := imports.NewReport("")
	if err != nil {
		t.Fatal(err)
	}
	defer rep.Close()
	rep.Add(imports.RowError{Line: 5, Column: "birth_date", Value: "31.02.2015", Key: "date.nonexistent"})
	var out bytes.Buffer
	if err := rep.Write(&out, "errors.csv", cat.Localizer(i18n.RU)); err != nil {
		t.Fatal(err)
	}
	if s := out.String(); !strings.Contains(s, "5,birth_date,31.02.2015,Такой даты не существует.") {
		t.Fatalf("report:\n%s", s)
	}
}
