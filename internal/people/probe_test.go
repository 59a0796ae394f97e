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
