package imports_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/tabular"
	"github.com/jolproject/jol/internal/testworld"
)

// schoolWorld is a test world with a campaign open in Almaty, offering a
// kit (named in Russian too), a uniform and shoes; Karaganda is outside it.
type schoolWorld struct {
	*testworld.World
	c requeststest.Campaign
}

func newSchoolWorld(t testing.TB, db *store.DB) schoolWorld {
	w := testworld.New(t, db)
	c := requeststest.Open(t, db, w.Clock.Now(), "road", w.Foundation.ID, w.Foundation.Path, "KZ-75")
	if _, err := db.W.ExecContext(ctx, store.Rebind(db.Engine,
		"UPDATE aid_items SET name_ru = 'Набор первоклассника' WHERE id = $1"), c.Kit); err != nil {
		t.Fatal(err)
	}
	return schoolWorld{w, c}
}

// list runs a school's list as p; rejects are "line column key".
func (w schoolWorld) list(t *testing.T, p access.Principal, body string, campaign int64, dry bool) (imports.Result, []string) {
	t.Helper()
	rd, err := tabular.Open("list.csv", bytes.NewReader([]byte(body)), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	s := w.Services
	var rejects []string
	res, probs, err := imports.Run(ctx, imports.SchoolListTarget(s.People, s.Geo, s.Orgs, s.Requests), p, rd,
		imports.Options{OrgID: w.School.ID, DryRun: dry, Source: "list.csv", Campaign: campaign},
		func(e imports.RowError) { rejects = append(rejects, itoa(e.Line)+" "+e.Column+" "+e.Key) }, nil)
	if err != nil {
		t.Fatalf("run: %v (%+v)", err, probs)
	}
	slices.Sort(rejects)
	return res, rejects
}

func itoa(n int) string { return fmt.Sprintf("%02d", n) }

// requestsOf counts the campaign's requests and those of the school_list channel.
func (w schoolWorld) requestsOf(t *testing.T) (all, fromLists int) {
	t.Helper()
	err := w.DB.R.QueryRowContext(ctx, store.Rebind(w.DB.Engine, `SELECT count(*),
		COALESCE(SUM(CASE WHEN channel = 'school_list' AND applicant_kind = 'school' AND applicant_org_id = $2 THEN 1 ELSE 0 END), 0)
		FROM requests WHERE campaign_id = $1`), w.c.ID, w.School.ID).Scan(&all, &fromLists)
	if err != nil {
		t.Fatal(err)
	}
	return all, fromLists
}

const schoolListCSV = "last name,first name,birth date,region,item,size,note\n" +
	"Ахметова,Мадина,12.02.2017,,Набор первоклассника,,\n" + // 02 new, the kit by its Russian name
	"Ким,Ольга,03.06.2017,,test_kit; test_uniform,M,needs help\n" + // 03 new, the uniform gets the size
	"Сейітов,Арман,04.03.2017,,,,\n" + // 04 registered with a request: linked
	"Оспанов,Ерлан,05.03.2017,,test_shoes,35.5,\n" + // 05 registered, no request: filed
	"Ахметова,Мадина,12.02.2017,,,,\n" + // 06 line 2 again: linked
	"Беков,Данияр,06.03.2017,,laptop,,\n" + // 07 not offered
	"Исаев,Тимур,07.03.2017,,test_uniform,Q,\n" + // 08 no such size
	"Нуров,Асан,08.03.2017,Карагандинская область,,,\n" + // 09 outside the campaign's regions
	"Жанова,Айым,09.03.2017,,,,\n" // 10 nothing named: the campaign's first offer

func TestSchoolListFilesRequests(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newSchoolWorld(t, db)
		birth := func(d int) time.Time { return time.Date(2017, 3, d, 0, 0, 0, 0, time.UTC) }
		had := w.Person(t, w.Child("Сейітов", "Арман", birth(4)))
		w.Person(t, w.Child("Оспанов", "Ерлан", birth(5)))
		if _, err := w.Services.Requests.Submit(ctx, access.System, requests.Input{CampaignID: w.c.ID, PersonID: had.ID,
			ApplicantKind: requests.ByParent, Channel: requests.Hotline, Lines: []requests.LineInput{{ItemID: w.c.Kit}}}); err != nil {
			t.Fatal(err)
		}
		wantRejects := []string{"07 item error.item_not_offered", "08 size error.size_invalid",
			"09 region error.request_outside_region"}
		dry, dryRejects := w.list(t, access.System, schoolListCSV, w.c.ID, true)
		if all, _ := w.requestsOf(t); all != 1 {
			t.Fatalf("a dry run wrote requests: %d", all)
		}
		real, rejects := w.list(t, access.System, schoolListCSV, w.c.ID, false)
		// 02, 03 and 10 register a child with a new request; 05 finds one
		// and files theirs; 04 and 06 are linked.
		want := imports.Result{Read: 9, Created: 3, Updated: 1, Unchanged: 2, Rejected: 3}
		if real != want {
			t.Fatalf("import: %s, want %s; rejects %v", real.Line(), want.Line(), rejects)
		}
		if dry != real || !slices.Equal(dryRejects, rejects) {
			t.Fatalf("the dry run counted %s %v, the import %s %v", dry.Line(), dryRejects, real.Line(), rejects)
		}
		if !slices.Equal(rejects, wantRejects) {
			t.Fatalf("rejects %v, want %v", rejects, wantRejects)
		}
		if all, lists := w.requestsOf(t); all != 5 || lists != 4 {
			t.Fatalf("requests: %d in the campaign, %d from the list; want 5 and 4", all, lists)
		}
		again, rejects2 := w.list(t, access.System, schoolListCSV, w.c.ID, false)
		if again != (imports.Result{Read: 9, Unchanged: 6, Rejected: 3}) || !slices.Equal(rejects2, wantRejects) {
			t.Fatalf("the same list again: %s %v", again.Line(), rejects2)
		}
		if all, _ := w.requestsOf(t); all != 5 {
			t.Fatalf("the same list again made requests: %d", all)
		}
		var size, comment string
		if err := db.R.QueryRowContext(ctx, store.Rebind(db.Engine, `SELECT l.size, c.body FROM requests r
			JOIN persons p ON p.id = r.person_id JOIN request_lines l ON l.request_id = r.id AND l.item_id = $1
			JOIN request_comments c ON c.request_id = r.id WHERE p.last_name = 'Ким'`), w.c.Uniform).Scan(&size, &comment); err != nil {
			t.Fatal(err)
		}
		if size != "M" || comment != "needs help" {
			t.Fatalf("Ким's uniform size %q, note %q", size, comment)
		}
	})
}

func TestSchoolListRefusedWhole(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newSchoolWorld(t, db)
		const body = "last name,first name,birth date\nАхметова,Мадина,12.02.2017\n"
		res, rejects := w.list(t, access.System, body, 0, true)
		if res.Rejected != 1 || len(rejects) != 1 || !strings.HasSuffix(rejects[0], "imports.campaign_required") {
			t.Fatalf("no campaign: %s %v", res.Line(), rejects)
		}
		closed := requeststest.Open(t, db, w.Clock.Now(), "closed", w.Foundation.ID, w.Foundation.Path)
		if _, err := db.W.ExecContext(ctx, store.Rebind(db.Engine, "UPDATE campaigns SET status = 'closed' WHERE id = $1"), closed.ID); err != nil {
			t.Fatal(err)
		}
		res, rejects = w.list(t, access.System, body, closed.ID, false)
		if res.Rejected != 1 || res.Created != 0 || len(rejects) != 1 || !strings.HasSuffix(rejects[0], "error.campaign_not_open") {
			t.Fatalf("closed campaign: %s %v", res.Line(), rejects)
		}
		if n := w.registered(t); n != 0 {
			t.Fatalf("a refused list registered %d persons", n)
		}
		// A user who may not submit requests for the school is refused the list.
		stranger := w.Stranger.Principal()
		rd, _ := tabular.Open("l.csv", bytes.NewReader([]byte(body)), int64(len(body)))
		defer rd.Close()
		s := w.Services
		_, _, err := imports.Run(ctx, imports.SchoolListTarget(s.People, s.Geo, s.Orgs, s.Requests), stranger, rd,
			imports.Options{OrgID: w.School.ID, Campaign: w.c.ID}, func(imports.RowError) {}, nil)
		if err == nil {
			t.Fatal("a stranger imported a school's list")
		}
	})
}

// A school's list may say how far each pupil lives from school, under a
// header in any of the five languages, with a comma or Persian digits; a
// distance that is not one, or past the limit, refuses the row (in the
// dry run too) and writes nothing for it.
func TestSchoolListDistanceColumn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newSchoolWorld(t, db)
		const body = "Фамилия,Имя,Дата рождения,Расстояние до школы (км)\n" +
			"Ахметова,Мадина,12.02.2017,\"4,5\"\n" + // 02 with a comma
			"Ким,Ольга,03.06.2017,۱۲\n" + // 03 in Persian digits
			"Беков,Данияр,06.03.2017,\n" + // 04 not known
			"Исаев,Тимур,07.03.2017,далеко\n" + // 05 not a number
			"Нуров,Асан,08.03.2017,301\n" // 06 too far to be true
		want := []string{"05 distance_km error.distance_range", "06 distance_km error.distance_range"}
		dry, dryRejects := w.list(t, access.System, body, w.c.ID, true)
		res, rejects := w.list(t, access.System, body, w.c.ID, false)
		if !slices.Equal(rejects, want) || !slices.Equal(dryRejects, want) || res != dry || res.Created != 3 {
			t.Fatalf("import %s %v, dry run %s %v; want rejects %v", res.Line(), rejects, dry.Line(), dryRejects, want)
		}
		got := map[string]string{}
		rows, err := db.R.QueryContext(ctx, `SELECT p.last_name, COALESCE(CAST(r.distance_m AS TEXT), '-') FROM requests r
			JOIN persons p ON p.id = r.person_id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var name, m string
			if err := rows.Scan(&name, &m); err != nil {
				t.Fatal(err)
			}
			got[name] = m
		}
		if len(got) != 3 || got["Ахметова"] != "4500" || got["Ким"] != "12000" || got["Беков"] != "-" {
			t.Fatalf("distances in metres: %v", got)
		}
		if n := w.registered(t); n != 3 {
			t.Fatalf("%d persons registered, want the 3 rows taken", n)
		}
	})
}

func (w schoolWorld) registered(t *testing.T) int {
	var n int
	if err := w.DB.R.QueryRowContext(ctx, "SELECT count(*) FROM persons").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
