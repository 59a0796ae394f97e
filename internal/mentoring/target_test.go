package mentoring_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/tabular"
	"github.com/jolproject/jol/internal/testworld"
)

// mentorList has Russian headers and values in several languages: two
// good rows, then a row for each reason a row is refused.
const mentorList = "ФИО;Телефон;Email;Сфера;Бэкграунд;Языки;Регион;Формат;Вместимость;Несовершеннолетние;Справка;Дата справки;Действительна до;Проверил\n" +
	"Айгерим Нурланова;+7 701 111 22 33;aigerim@example.org;Карьера и трудоустройство, Білім;young_deputy;қазақша, русский;KZ-75;очно;3;да;№ 17;01.03.2026;28.02.2027;А. Сейткали\n" +
	"Jean Martin;;jean@example.org;media;Media;fr, en;Almaty;online;2;non;;;;\n" +
	"Без контакта;;;education;coach;ru;KZ-75;online;2;;;;;\n" +
	"Волшебник;;wizard@example.org;education;wizard;ru;KZ-75;online;2;;;;;\n" +
	"Тегеран;;tehran@example.org;education;coach;fa;IR-23;online;2;;;;;\n" +
	"Слишком много;;many@example.org;education;coach;ru;KZ-75;online;500;;;;;\n" +
	"Половина справки;;half@example.org;education;coach;ru;KZ-75;online;2;да;№ 5;;;\n"

func importList(t *testing.T, w *testworld.World, p access.Principal, body string) (imports.Result, []imports.RowError) {
	t.Helper()
	rd, err := tabular.Open("mentors.csv", strings.NewReader(body), int64(len(body)))
	must(t, err)
	defer rd.Close()
	var rejected []imports.RowError
	res, _, err := imports.Run(t.Context(), mentoring.Target(w.Services.Mentoring), p, rd,
		imports.Options{OrgID: w.Foundation.ID, Source: "mentors.csv"}, func(e imports.RowError) { rejected = append(rejected, e) }, nil)
	must(t, err)
	return res, rejected
}

func TestAListOfMentorsIsImportedWithReasons(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Mentoring
		coord := w.Principal(access.Coordinator)
		res, rejected := importList(t, w, coord, mentorList)
		if res.Read != 7 || res.Created != 2 || res.Rejected != 5 {
			t.Fatalf("first run: %s; %+v", res.Line(), rejected)
		}
		want := map[int]string{4: "error.mentor_contact", 5: "error.invalid_choice", 6: "error.mentor_region_outside",
			7: "error.mentor_capacity", 8: "error.mentor_vetting_incomplete"}
		for _, e := range rejected {
			if want[e.Line] != e.Key {
				t.Errorf("line %d: %s %q %s, want %s", e.Line, e.Column, e.Value, e.Key, want[e.Line])
			}
			delete(want, e.Line)
		}
		if len(want) != 0 {
			t.Fatalf("not rejected: %v", want)
		}
		list, err := s.List(ctx, coord, mentoring.Filter{})
		must(t, err)
		if len(list) != 2 {
			t.Fatalf("mentors %+v", list)
		}
		a, j := list[0], list[1]
		if a.Status != mentoring.Approved || a.Source != "import" || strings.Join(a.Fields, ",") != "career,education" ||
			strings.Join(a.Languages, ",") != "kk,ru" || !a.Minors || !a.InPerson || a.Online || a.Capacity != 3 ||
			!a.Vetting.ValidOn(day(2027, 2, 28)) || a.Vetting.CheckedBy != "А. Сейткали" {
			t.Fatalf("first mentor %+v", a)
		}
		if j.RegionCode != "KZ-75" || j.Background != mentoring.Media || j.Minors || !j.Online {
			t.Fatalf("second mentor %+v", j)
		}

		// The same list again changes nothing; a changed row updates.
		if res, _ := importList(t, w, coord, mentorList); res.Created != 0 || res.Unchanged != 2 || res.Updated != 0 {
			t.Fatalf("second run: %s", res.Line())
		}
		changed := strings.Replace(mentorList, "media;Media;fr, en;Almaty;online;2", "media;Media;fr, en;Almaty;online;4", 1)
		if res, _ := importList(t, w, coord, changed); res.Updated != 1 || res.Unchanged != 1 {
			t.Fatalf("third run: %s", res.Line())
		}

		// Another region's coordinator may not import into the branch.
		rd, err := tabular.Open("mentors.csv", strings.NewReader(mentorList), int64(len(mentorList)))
		must(t, err)
		defer rd.Close()
		_, _, err = imports.Run(ctx, mentoring.Target(s), w.Stranger.Principal(), rd,
			imports.Options{OrgID: w.Foundation.ID}, func(imports.RowError) {}, nil)
		wantKey(t, err, "error.forbidden")
	})
}
