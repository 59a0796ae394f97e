package people_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestCreateGetUpdateAreAudited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		iin, _ := natid.MakeIIN(day(2015, 3, 4), natid.Female, 17)
		in := child(w.a, " Ахметова ", "Мадина", day(2015, 3, 4))
		in.Patronymic, in.Sex, in.NationalID, in.Phone = "Серікқызы", people.Female, iin, "+7 (701) 123-45-67"
		in.Languages, in.Disability, in.SpecialNeeds = []string{"KK", "ru", "kk"}, true, "Needs a ramp.\nAnd a lift."
		p, err := w.s.Create(ctx, w.opA, in)
		if err != nil {
			t.Fatal(err)
		}
		if p.LastName != "Ахметова" || p.IDKind != people.IDKindIIN || p.NationalID != iin || p.RegionPath != "/KZ/KZ-75/" ||
			p.OrgPath != w.a.Path || p.OrgName != "School A" || !slices.Equal(p.Languages, []string{"kk", "ru"}) ||
			!p.BirthDate.Equal(day(2015, 3, 4)) || p.CreatedBy != w.opA.UserID || !p.CreatedAt.Equal(clock()) {
			t.Fatalf("created %+v", p)
		}
		if a, _ := p.Age(clock()); a != 11 || p.FullName() != "Ахметова Мадина Серікқызы" {
			t.Fatalf("age %d, name %q", a, p.FullName())
		}
		got, err := w.s.Get(ctx, w.opA, p.ID, people.ViaAPI)
		if err != nil || got.Phone != "+7 (701) 123-45-67" || got.SpecialNeeds != in.SpecialNeeds {
			t.Fatalf("get %+v, %v", got, err)
		}
		seen, _, _ := w.log.Accesses(ctx, admin, audit.AccessFilter{SubjectKind: "person", SubjectID: id(p.ID)}, store.Page{})
		if len(seen) != 1 || seen[0].UserID != w.opA.UserID || seen[0].Via != "api" {
			t.Fatalf("access log %+v", seen)
		}
		in.FirstName, in.Grade = "Мадина-Ару", 4
		up, err := w.s.Update(ctx, w.opA, p.ID, in)
		if err != nil || up.FirstName != "Мадина-Ару" || up.Grade != 4 || !up.CreatedAt.Equal(p.CreatedAt) {
			t.Fatalf("update %+v, %v", up, err)
		}
		if again, err := w.s.Update(ctx, w.opA, p.ID, in); err != nil || again.FirstName != up.FirstName {
			t.Fatalf("update with no change: %v", err)
		}
		ch, _, _ := w.log.Changes(ctx, admin, audit.Filter{Entity: "person", EntityID: id(p.ID)}, store.Page{})
		if len(ch) != 2 || ch[0].Action != "update" || ch[1].Action != "create" ||
			!strings.Contains(ch[0].Before, `"first_name":"Мадина"`) || !strings.Contains(ch[0].After, `"first_name":"Мадина-Ару"`) ||
			strings.Contains(ch[0].After, "photo\":\"") {
			t.Fatalf("change log %+v", ch)
		}
		if _, err := w.s.Get(ctx, w.opA, p.ID, "fax"); err == nil {
			t.Fatal("an unknown surface was accepted")
		}
		if _, err := w.s.Get(ctx, admin, 99999, people.ViaWeb); fieldKeys(err)[0] != "no field error: not_found error.not_found" {
			t.Fatalf("missing person: %v", err)
		}
	})
}

func TestDatesScanAsTime(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		p := w.mkPerson(t, admin, child(w.a, "Date", "Test", day(2012, 12, 31)))
		var birth, created time.Time
		q := store.Rebind(db.Engine, "SELECT birth_date, created_at FROM persons WHERE id = $1")
		if err := db.R.QueryRowContext(ctx, q, p.ID).Scan(&birth, &created); err != nil {
			t.Fatal(err)
		}
		if !birth.Equal(day(2012, 12, 31)) || birth.UTC().Hour() != 0 || !created.Equal(clock()) {
			t.Fatalf("birth %v, created %v", birth, created)
		}
		var n int
		q = store.Rebind(db.Engine, "SELECT count(*) FROM persons WHERE birth_date > $1 AND birth_date <= $2")
		if err := db.R.QueryRowContext(ctx, q, day(2012, 12, 30), day(2012, 12, 31)).Scan(&n); err != nil || n != 1 {
			t.Fatalf("date comparison: %d, %v", n, err)
		}
	})
}

func TestNamesAreStoredVerbatim(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		for _, name := range []string{`<script>alert("x")</script>`, `Robert'); DROP TABLE persons;--`,
			"100% _wild_ \\ cards", `{{.Name}} ${HOME} $1`, "علی\u200cاکبر"} {
			p := w.mkPerson(t, admin, child(w.a, name, name, day(2014, 1, 1)))
			got, err := w.s.Get(ctx, admin, p.ID, people.ViaWeb)
			if err != nil || got.LastName != name || got.FirstName != name {
				t.Errorf("stored %q, typed %q (%v)", got.LastName, name, err)
			}
		}
		p := w.mkPerson(t, admin, child(w.a, "عباسي كريمي", "ali", day(2014, 1, 1)))
		if p.LastName != "عباسی کریمی" {
			t.Errorf("Arabic letters kept: %q", p.LastName)
		}
	})
}
