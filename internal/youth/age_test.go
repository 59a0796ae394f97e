package youth_test

import (
	"slices"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/youth"
)

// TestAgeBoundaries registers on the exact birthdays: a day short of 14
// and 30 years are refused with the range, 14 and 29 years accepted.
func TestAgeBoundaries(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		cases := []struct {
			name  string
			birth time.Time
			group youth.AgeGroup
			age   int // refused at this age; 0 when accepted
		}{
			{"13y364d", today.AddDate(-14, 0, 1), "", 13},
			{"14y", today.AddDate(-14, 0, 0), youth.Teen, 0},
			{"17y", today.AddDate(-18, 0, 1), youth.Teen, 0},
			{"18y", today.AddDate(-18, 0, 0), youth.YoungAdult, 0},
			{"25y", today.AddDate(-25, 0, 0), youth.Adult, 0},
			{"29y", today.AddDate(-29, 0, 0), youth.Adult, 0},
			{"29y364d", today.AddDate(-30, 0, 1), youth.Adult, 0},
			{"30y", today.AddDate(-30, 0, 0), "", 30},
		}
		for _, c := range cases {
			i := in(c.name)
			i.Birth = c.birth
			i.Guardian = youth.GuardianDetails{Name: "Aliya Seitkali", Relation: "mother", Contact: "+7 701 000 11 22"}
			r, err := w.s.Register(ctx, w.form, w.head.ID, i)
			if c.age == 0 {
				if err != nil || r.AgeGroup != c.group {
					t.Errorf("%s: got %+v, %v; want group %s", c.name, r, err, c.group)
				}
				continue
			}
			e := errs.As(err)
			if e == nil || len(e.Fields) != 1 || e.Fields[0].Key != "error.youth_age_range" ||
				!slices.Equal(e.Fields[0].Args, []any{"Age", c.age, "Min", 14, "Max", 29}) {
				t.Errorf("%s: got %v %+v, want the age range refused", c.name, err, e)
			}
		}
	})
}

// TestAge counts years completed; a 29 February birthday is reached on
// 1 March in other years.
func TestAge(t *testing.T) {
	leap := time.Date(2008, 2, 29, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		on   time.Time
		want int
	}{
		{time.Date(2022, 2, 28, 0, 0, 0, 0, time.UTC), 13},
		{time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC), 14},
		{time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), 16},
	} {
		if got := youth.Age(leap, c.on); got != c.want {
			t.Errorf("on %s: %d, want %d", c.on.Format(time.DateOnly), got, c.want)
		}
	}
}
