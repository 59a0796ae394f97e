package workdays

import (
	"math/rand/v2"
	"testing"
	"time"
)

func d(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }

func TestAddWorkingDays(t *testing.T) {
	kurban := Exception{Day: d(2026, 5, 27), Name: "Kurban Ait"}
	workSaturday := Exception{Day: d(2026, 9, 5), Working: true, Name: "worked for a bridge day"}
	// 8 March 2026 is a Sunday; its day off moves to Monday the 9th, which
	// the installation keeps as a working day.
	keepWorking := Exception{Day: d(2026, 3, 9), Working: true}
	tests := []struct {
		name    string
		country string
		exc     []Exception
		from    time.Time
		n       int
		want    time.Time
	}{
		{"Friday plus one is Monday", "KZ", nil, d(2026, 9, 4), 1, d(2026, 9, 7)},
		{"received on a Saturday", "KZ", nil, d(2026, 9, 5), 1, d(2026, 9, 7)},
		{"no days is the same day", "KZ", nil, d(2026, 9, 5), 0, d(2026, 9, 5)},
		{"holiday on a Monday", "KZ", nil, d(2027, 3, 5), 1, d(2027, 3, 9)},
		{"Nauryz on a weekend moves two days off", "KZ", nil, d(2026, 3, 20), 1, d(2026, 3, 26)},
		{"across the year end", "KZ", nil, d(2026, 12, 25), 5, d(2027, 1, 5)},
		{"Christmas does not move", "KZ", nil, d(2027, 1, 6), 1, d(2027, 1, 8)},
		{"an added lunar holiday", "KZ", []Exception{kurban}, d(2026, 5, 26), 1, d(2026, 5, 28)},
		{"a Saturday declared working", "KZ", []Exception{workSaturday}, d(2026, 9, 4), 1, d(2026, 9, 5)},
		{"a moved day off kept working", "KZ", []Exception{keepWorking}, d(2026, 3, 6), 1, d(2026, 3, 9)},
		{"a moved day off", "KZ", nil, d(2026, 3, 6), 1, d(2026, 3, 10)},
		{"three weeks", "KZ", nil, d(2026, 10, 1), 15, d(2026, 10, 22)},
		{"Iran: Thursday plus one is Saturday", "IR", nil, d(2026, 9, 3), 1, d(2026, 9, 5)},
		{"Iran: Esfand 29 and Nowruz", "IR", nil, d(2026, 3, 19), 1, d(2026, 3, 25)},
		{"Iran: 12 and 13 Farvardin", "IR", nil, d(2026, 3, 31), 1, d(2026, 4, 4)},
		{"Iran: 14 and 15 Khordad", "IR", nil, d(2026, 6, 3), 1, d(2026, 6, 6)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(tt.country, tt.exc)
			if got := c.AddWorkingDays(tt.from, tt.n); !got.Equal(tt.want) {
				t.Errorf("AddWorkingDays(%s, %d) = %s, want %s", tt.from.Format(time.DateOnly), tt.n,
					got.Format(time.DateOnly), tt.want.Format(time.DateOnly))
			}
		})
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	tests := []struct {
		country  string
		from, to time.Time
		want     int
	}{
		{"KZ", d(2026, 9, 7), d(2026, 9, 7), 0},
		{"KZ", d(2026, 9, 4), d(2026, 9, 7), 1},
		{"KZ", d(2026, 9, 7), d(2026, 9, 4), -1},
		{"KZ", d(2026, 3, 20), d(2026, 3, 31), 4},
		{"KZ", d(2026, 12, 31), d(2027, 1, 8), 3}, // 5, 6, 8 January
		{"IR", d(2026, 9, 3), d(2026, 9, 10), 6},
		// 2 January 2026 to 1 January 2027: 261 weekdays, 14 of them days off.
		{"KZ", d(2026, 1, 1), d(2027, 1, 1), 261 - 14},
	}
	for _, tt := range tests {
		if got := New(tt.country, nil).WorkingDaysBetween(tt.from, tt.to); got != tt.want {
			t.Errorf("%s WorkingDaysBetween(%s, %s) = %d, want %d", tt.country, tt.from.Format(time.DateOnly),
				tt.to.Format(time.DateOnly), got, tt.want)
		}
	}
}

// naive counts day by day what WorkingDaysBetween counts by weeks.
func naive(c *Calendar, from, to time.Time) int {
	n := 0
	for x := from.AddDate(0, 0, 1); !x.After(to); x = x.AddDate(0, 0, 1) {
		if c.IsWorkingDay(x) {
			n++
		}
	}
	return n
}

func TestCountingAgreesWithWalking(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	exc := []Exception{{Day: d(2026, 5, 27), Name: "Kurban Ait"}, {Day: d(2027, 3, 20), Working: true}, {Day: d(2026, 3, 24), Working: true}}
	for _, country := range []string{"KZ", "IR"} {
		c := New(country, exc)
		for range 500 {
			from := d(2025, 1, 1).AddDate(0, 0, r.IntN(900))
			to := from.AddDate(0, 0, r.IntN(400))
			if got, want := c.WorkingDaysBetween(from, to), naive(c, from, to); got != want {
				t.Fatalf("%s %s..%s: counted %d, walked %d", country, from.Format(time.DateOnly), to.Format(time.DateOnly), got, want)
			}
			n := r.IntN(80)
			due := c.AddWorkingDays(from, n)
			if got := naive(c, from, due); got != n || (n > 0 && !c.IsWorkingDay(due)) {
				t.Fatalf("%s AddWorkingDays(%s, %d) = %s, %d working days later", country, from.Format(time.DateOnly), n, due.Format(time.DateOnly), got)
			}
		}
	}
}

func TestBuiltinHolidays(t *testing.T) {
	kz := Builtin("KZ", 2026)
	moved := 0
	for _, h := range kz {
		if h.Transfer {
			moved++
		}
	}
	// 2026: Women's Day (8 March), Nauryz (21, 22 March), Victory Day
	// (9 May), Constitution Day (30 August) and Republic Day (25 October)
	// fall on a weekend: six days off move.
	if len(kz) != 14+6 || moved != 6 {
		t.Errorf("Kazakhstan 2026: %d holidays, %d moved; want 20 and 6: %v", len(kz), moved, kz)
	}
	ir := Builtin("IR", 2026)
	if len(ir) != 10 || !ir[0].Day.Equal(d(2026, 2, 11)) || ir[0].Name != "holiday.ir.revolution_day" {
		t.Errorf("Iran 2026 = %v; want 10 days from 22 Bahman (11 February)", ir)
	}
	if Builtin("FR", 2026) != nil {
		t.Error("an unknown country has holidays")
	}
}

func BenchmarkAddWorkingDays(b *testing.B) {
	c := New("KZ", []Exception{{Day: d(2026, 5, 27), Name: "Kurban Ait"}})
	from := d(2026, 12, 20)
	for i := 0; b.Loop(); i++ {
		c.AddWorkingDays(from.AddDate(0, 0, i%30), 5)
	}
}
