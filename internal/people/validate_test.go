package people_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestValidation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		birth := day(2015, 3, 4)
		boy, _ := natid.MakeIIN(birth, natid.Male, 5)
		bad := []byte(boy)
		bad[11] = '0' + (bad[11]-'0'+1)%10
		with := func(f func(*people.Input)) people.Input {
			in := child(w.a, "Ахметов", "Ерлан", birth)
			in.Sex = people.Male
			f(&in)
			return in
		}
		for _, c := range []struct {
			in   people.Input
			want string
		}{
			{with(func(in *people.Input) { in.LastName, in.FirstName = " ", "" }), "last_name error.name_required"},
			{with(func(in *people.Input) { in.FirstName = strings.Repeat("ж", 101) }), "first_name error.too_long"},
			{with(func(in *people.Input) { in.Patronymic = "two\nlines" }), "patronymic error.invalid"},
			{with(func(in *people.Input) { in.BirthDate = clock().AddDate(0, 0, 1) }), "birth_date error.birth_future"},
			{with(func(in *people.Input) { in.BirthDate = day(1899, 12, 31) }), "birth_date error.birth_too_early"},
			{with(func(in *people.Input) { in.Sex = "X" }), "sex error.invalid_choice_of"},
			{with(func(in *people.Input) { in.NationalID = string(bad) }), "national_id natid.check_digit"},
			{with(func(in *people.Input) { in.NationalID = "12345" }), "national_id natid.length"},
			{with(func(in *people.Input) { in.NationalID, in.BirthDate = boy, day(2015, 3, 5) }), "national_id natid.birth_mismatch"},
			{with(func(in *people.Input) { in.NationalID, in.Sex = boy, people.Female }), "national_id natid.sex_mismatch"},
			{with(func(in *people.Input) { in.IDKind, in.NationalID = people.IDKindIR, "1111111111" }), "national_id natid.repeated"},
			{with(func(in *people.Input) { in.IDKind, in.NationalID = "passport", "N123" }), "id_kind error.invalid_choice_of"},
			{with(func(in *people.Input) { in.IDKind, in.NationalID = people.IDKindOther, "N 1<2" }), "national_id error.invalid"},
			{with(func(in *people.Input) { in.Phone = "123-45" }), "phone error.invalid_phone"},
			{with(func(in *people.Input) { in.Phone = "+7 701 123 45 67 ext. 5" }), "phone error.invalid_phone"},
			{with(func(in *people.Input) { in.Phone = "1234567890123456" }), "phone error.invalid_phone"},
			{with(func(in *people.Input) { in.Languages = []string{"kazakh"} }), "languages error.invalid"},
			{with(func(in *people.Input) { in.Grade = 13 }), "grade error.grade_range"},
			{with(func(in *people.Input) { in.Status = "retired" }), "status error.invalid_choice_of"},
			{with(func(in *people.Input) { in.RegionCode = "" }), "region_code error.required"},
			{with(func(in *people.Input) { in.RegionCode = "KZ-00" }), "region_code error.unknown_region"},
			{with(func(in *people.Input) { in.OrgID = 999 }), "org_id error.unknown_org"},
			{with(func(in *people.Input) { in.OrgID = w.b.ID }), "org_id error.org_out_of_scope"},
			{with(func(in *people.Input) { in.OrgID = 0 }), "org_id error.required"},
			{with(func(in *people.Input) { in.RegionCode = "IR-07" }), "region_code error.region_out_of_scope"},
		} {
			_, err := w.s.Create(ctx, w.opA, c.in)
			if got := fieldKeys(err); !slices.Contains(got, c.want) || errs.CodeOf(err) != errs.Invalid {
				t.Errorf("%+v: got %v, want %s", c.in, got, c.want)
			}
		}
		_, err := w.s.Create(ctx, w.opA, with(func(in *people.Input) { in.NationalID, in.BirthDate, in.Sex = boy, day(2015, 4, 4), people.Female }))
		if got := fieldKeys(err); !slices.Equal(got, []string{"national_id natid.birth_mismatch", "national_id natid.sex_mismatch"}) {
			t.Errorf("both parts disagree: %v", got)
		}
		for _, in := range []people.Input{
			with(func(in *people.Input) { in.NationalID = "" }),                                  // no ID at all
			with(func(in *people.Input) { in.NationalID, in.Sex = " "+boy[:6]+"-"+boy[6:], "" }), // sex unknown
			with(func(in *people.Input) { in.NationalID, in.BirthDate = natid.MakeIranCode(12345), time.Time{} }),
			with(func(in *people.Input) { in.IDKind, in.NationalID = people.IDKindOther, "am 123-456" }),
			with(func(in *people.Input) { in.Phone, in.LastName = "۰۹۱۲ ۳۴۵ ۶۷۸۹", "" }),
		} {
			if _, err := w.s.Create(ctx, w.opA, in); err != nil {
				t.Errorf("%+v: %v", in, err)
			}
		}
	})
}

func TestDuplicateIDIsAConflict(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		iin, _ := natid.MakeIIN(day(2016, 5, 6), natid.Male, 42)
		in := child(w.a, "Жақыпов", "Айбек", day(2016, 5, 6))
		in.NationalID = iin
		first := w.mkPerson(t, w.opA, in)
		in.LastName = "Zhakupov"
		_, err := w.s.Create(ctx, w.opA, in)
		e := errs.As(err)
		if e == nil || e.Code != errs.Conflict || e.Key != "error.duplicate_id" || len(e.Args) != 2 || e.Args[1] != id(first.ID) ||
			fieldKeys(err)[0] != "national_id error.duplicate_id" {
			t.Fatalf("duplicate: %#v", err)
		}
		in.NationalID = ""
		second := w.mkPerson(t, w.opA, in)
		in.NationalID = iin[:4] + " " + iin[4:]
		if _, err := w.s.Update(ctx, w.opA, second.ID, in); errs.CodeOf(err) != errs.Conflict {
			t.Fatalf("update to a taken ID: %v", err)
		}
		in.LastName, in.NationalID = "Жақыпов", iin
		if _, err := w.s.Update(ctx, w.opA, first.ID, in); err != nil {
			t.Fatalf("keeping one's own ID: %v", err)
		}
	})
}
