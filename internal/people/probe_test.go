package people_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// probes returns the access log's out-of-scope ID entries, oldest first.
func probes(t *testing.T, w *world) []audit.Access {
	t.Helper()
	list, _, err := w.log.Accesses(ctx, admin, audit.AccessFilter{SubjectKind: audit.OutOfScopeID}, store.Page{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(list)
	return list
}

// withUser gives p a user row of its own, which the probe count locks.
func withUser(t *testing.T, w *world, p access.Principal) access.Principal {
	t.Helper()
	err := w.db.W.QueryRowContext(ctx, store.Rebind(w.db.Engine, `INSERT INTO users (email, name, role, org_id, locale, password_hash, active, created_at, updated_at)
		VALUES ($1, $2, $3, $4, 'en', '', TRUE, $5, $5) RETURNING id`), fmt.Sprintf("user%d@example.org", p.UserID), p.Name, p.Role, p.OrgID, clock()).Scan(&p.UserID)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestOutOfScopeIDNamesNoRecord: an operator of school A who types the
// IIN or Iranian code of a child registered by another organisation learns
// only that it is registered and whom to ask, in the form and in the edit;
// the probe goes to the access log, masked. Within the scope the duplicate
// is named as before; search and matches find nothing outside the scope.
func TestOutOfScopeIDNamesNoRecord(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		held := iin(t, day(2015, 2, 3), natid.Female, 5)
		other := w.mkPerson(t, w.opB, people.Input{LastName: "Бекова", FirstName: "Дана", BirthDate: day(2015, 2, 3), Sex: people.Female,
			NationalID: held, RegionCode: "KZ-75", OrgID: w.b.ID})
		code := natid.MakeIranCode(123456789)
		w.mkPerson(t, admin, people.Input{LastName: "Ahmadi", FirstName: "Sara", RegionCode: "IR-23", OrgID: w.b.ID, IDKind: people.IDKindIR, NationalID: code})
		mine := w.mkPerson(t, w.opA, child(w.a, "Омаров", "Тимур", day(2014, 5, 6)))

		in := people.Input{LastName: "Бекова", FirstName: "Дана", BirthDate: day(2015, 2, 3), Sex: people.Female,
			NationalID: held, RegionCode: "KZ-75", OrgID: w.a.ID}
		iranian := child(w.a, "Ahmadi", "Sara", time.Time{})
		iranian.IDKind, iranian.NationalID = people.IDKindIR, code
		edit := child(w.a, "Омаров", "Тимур", day(2015, 2, 3))
		edit.Sex, edit.NationalID = people.Female, held
		for name, try := range map[string]func() error{
			"create with an IIN":          func() error { _, err := w.s.Create(ctx, w.opA, in); return err },
			"create with an Iranian code": func() error { _, err := w.s.Create(ctx, w.opA, iranian); return err },
			"an edit that adds the IIN":   func() error { _, err := w.s.Update(ctx, w.opA, mine.ID, edit); return err },
		} {
			err := try()
			e := errs.As(err)
			if e == nil || e.Code != errs.Conflict || e.Key != "error.id_elsewhere" || len(e.Args) != 0 ||
				len(e.Fields) != 1 || e.Fields[0].Field != "national_id" || e.Fields[0].Key != "error.id_elsewhere" || len(e.Fields[0].Args) != 0 {
				t.Errorf("%s: %v (%+v), want error.id_elsewhere naming no record", name, err, e)
			}
			if strings.Contains(fmt.Sprint(err, e), strconv.FormatInt(other.ID, 10)) {
				t.Errorf("%s: the answer names record %d", name, other.ID)
			}
		}

		// Within the scope the record is named, as it helps there.
		_, err := w.s.Create(ctx, w.opB, people.Input{LastName: "Бекова", FirstName: "Дана", BirthDate: day(2015, 2, 3), Sex: people.Female,
			NationalID: held, RegionCode: "KZ-75", OrgID: w.b.ID})
		if e := errs.As(err); e == nil || e.Key != "error.duplicate_id" || fmt.Sprint(e.Args) != fmt.Sprint([]any{"ID", strconv.FormatInt(other.ID, 10)}) {
			t.Errorf("a duplicate within the scope: %v", err)
		}

		got := probes(t, w)
		var lines []string
		for _, a := range got {
			lines = append(lines, fmt.Sprint(a.UserID, " ", a.SubjectID, " ", a.Via))
		}
		slices.Sort(lines)
		want := []string{
			"2 ir_national_code:******" + code[6:] + " create",
			"2 kz_iin:********" + held[8:] + " create", "2 kz_iin:********" + held[8:] + " update",
		}
		if !slices.Equal(lines, want) {
			t.Errorf("access log: %q, want %q", lines, want)
		}
		// Search and matches look only within the scope.
		if found, err := w.s.Search(ctx, w.opA, held, 10); err != nil || len(found) != 0 {
			t.Errorf("search by an ID outside the scope: %v %v", found, err)
		}
		if found, err := w.s.Search(ctx, w.opA, code, 10); err != nil || len(found) != 0 {
			t.Errorf("search by an Iranian code outside the scope: %v %v", found, err)
		}
		if ms, err := w.s.Matches(ctx, w.opA, in.Candidate()); err != nil || len(ms) != 0 {
			t.Errorf("matches of an ID outside the scope: %+v %v", ms, err)
		}
	})
}

// TestIDProbesAreThrottled: 30 parallel creates with numbers registered
// elsewhere get IDProbeLimit answers and as many access-log entries; then
// every number not held within the scope is refused alike, registered or
// not, while the user's own records can still be edited; an hour later
// numbers are checked again.
func TestIDProbesAreThrottled(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		op := withUser(t, w, w.opA)
		mine := w.mkPerson(t, op, child(w.a, "Омаров", "Тимур", day(2014, 5, 6)))
		held := make([]string, 31)
		for i := range held {
			held[i] = iin(t, day(2015, 2, 3), natid.Female, 100+10*i)
			in := child(w.b, "Бекова", "Дана", day(2015, 2, 3))
			in.Sex, in.NationalID = people.Female, held[i]
			w.mkPerson(t, w.opB, in)
		}
		answers := make([]string, 30)
		var wg sync.WaitGroup
		for i := range answers {
			wg.Go(func() {
				in := child(w.a, "Бекова", "Дана", day(2015, 2, 3))
				in.Sex, in.NationalID = people.Female, held[i]
				_, err := w.s.Create(ctx, op, in)
				answers[i] = errs.As(err).Key
			})
		}
		wg.Wait()
		count := map[string]int{}
		for _, a := range answers {
			count[a]++
		}
		if count["error.id_elsewhere"] != people.IDProbeLimit || count["error.id_checks_spent"] != 30-people.IDProbeLimit {
			t.Fatalf("answers: %v, want %d told and the rest refused", count, people.IDProbeLimit)
		}
		if n := len(probes(t, w)); n != people.IDProbeLimit {
			t.Errorf("%d access-log entries, want %d", n, people.IDProbeLimit)
		}

		// Spent: a number registered elsewhere and one nobody holds get the
		// same answer, so the refusal tells nothing.
		for _, number := range []string{held[30], iin(t, day(2016, 1, 1), natid.Male, 7)} {
			in := child(w.a, "Новый", "Ученик", time.Time{})
			in.NationalID = number
			if _, err := w.s.Create(ctx, op, in); errs.CodeOf(err) != errs.RateLimited || errs.As(err).Key != "error.id_checks_spent" {
				t.Errorf("ID %s after the limit: %v", number, err)
			}
		}
		// Records of one's own are still edited, their number unchanged.
		edit := child(w.a, "Омаров", "Тимур", day(2014, 5, 6))
		edit.Grade = 4
		if _, err := w.s.Update(ctx, op, mine.ID, edit); err != nil {
			t.Errorf("an edit without a new number after the limit: %v", err)
		}

		// An hour later the window has moved on.
		later, err := people.New(db, w.log, func() time.Time { return clock().Add(people.IDProbeWindow + time.Minute) })
		if err != nil {
			t.Fatal(err)
		}
		in := child(w.a, "Новый", "Ученик", time.Time{})
		in.NationalID = iin(t, day(2016, 1, 1), natid.Male, 7)
		if _, err := later.Create(ctx, op, in); err != nil {
			t.Errorf("a new number an hour later: %v", err)
		}
	})
}

// TestImportTellsNoRecordOutsideTheScope: a list with a child's and a
// guardian's numbers registered by school B is rejected, in a dry run and
// in a real one, with the answer that names no record, and each probe is
// logged; once the probes are spent, the dry run rejects every row with a
// number not held within the scope alike, so it cannot be used as an
// oracle.
func TestImportTellsNoRecordOutsideTheScope(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		op := withUser(t, w, w.opA)
		held := make([]string, people.IDProbeLimit)
		for i := range held {
			held[i] = iin(t, day(2015, 2, 3), natid.Female, 100+10*i)
			in := child(w.b, "Бекова", "Дана", day(2015, 2, 3))
			in.Sex, in.NationalID = people.Female, held[i]
			w.mkPerson(t, w.opB, in)
		}
		adult := iin(t, day(1985, 1, 1), natid.Male, 3)
		w.mkPerson(t, w.opB, people.Input{LastName: "Беков", FirstName: "Арман", BirthDate: day(1985, 1, 1), Sex: people.Male,
			NationalID: adult, RegionCode: "KZ-75", OrgID: w.b.ID})
		withGuardian := kid(3, w.a.ID, "Беков", "Ali", day(2013, 4, 4), people.Male, "")
		withGuardian.HouseholdRef = "G-1"
		withGuardian.Guardian = &people.Input{LastName: "Беков", FirstName: "Арман", NationalID: adult}
		rows := []people.ImportRow{kid(2, w.a.ID, "Бекова", "Дана", day(2015, 2, 3), people.Female, held[0]), withGuardian}
		rejected := func(rerrs []people.RowError) []string {
			var got []string
			for _, e := range rerrs {
				got = append(got, fmt.Sprint(e.Line, " ", e.Field, " ", e.Key, " ", e.Args))
			}
			return got
		}
		want := []string{"2 national_id error.id_elsewhere []", "3 guardian_national_id error.id_elsewhere []"}
		for i, dry := range []bool{true, false} {
			_, rerrs, _ := runImport(t, w, op, people.ImportOptions{OrgID: w.a.ID, DryRun: dry}, rows)
			if got := rejected(rerrs); !slices.Equal(got, want) {
				t.Errorf("dry run %v: %q, want %q", dry, got, want)
			}
			if n := len(probes(t, w)); n != 2*(i+1) {
				t.Errorf("dry run %v: %d probes logged, want %d", dry, n, 2*(i+1))
			}
		}
		var vias []string
		for _, a := range probes(t, w) {
			vias = append(vias, a.Via)
		}
		if !slices.Equal(vias, []string{"dry_run", "dry_run", "import", "import"}) {
			t.Errorf("probes logged via %v", vias)
		}

		// 16 probes are left: a dry run of 19 numbers registered elsewhere,
		// one nobody holds and a row without a number.
		rows = nil
		for i, number := range held[1:] {
			rows = append(rows, kid(10+i, w.a.ID, "Бекова", "Дана", day(2015, 2, 3), people.Female, number))
		}
		rows = append(rows, kid(40, w.a.ID, "Новый", "Ученик", day(2016, 1, 1), people.Male, iin(t, day(2016, 1, 1), natid.Male, 7)),
			kid(41, w.a.ID, "Без", "Номера", day(2016, 1, 1), people.Male, ""))
		outs, rerrs, _ := runImport(t, w, op, people.ImportOptions{OrgID: w.a.ID, DryRun: true}, rows)
		count := map[string]int{}
		for _, e := range rerrs {
			count[e.Key]++
		}
		if count["error.id_elsewhere"] != people.IDProbeLimit-4 || count["error.id_checks_spent"] != 4 || outs[len(outs)-1] != people.Created {
			t.Errorf("after the limit: %v, last row %s", count, outs[len(outs)-1])
		}
		if rerrs[len(rerrs)-1].Line != 40 || rerrs[len(rerrs)-1].Key != "error.id_checks_spent" {
			t.Errorf("a number nobody holds after the limit: %+v", rerrs[len(rerrs)-1])
		}
		if n := len(probes(t, w)); n != people.IDProbeLimit {
			t.Errorf("%d probes logged, want %d", n, people.IDProbeLimit)
		}
	})
}
