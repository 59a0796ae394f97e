package people

import (
	"slices"
	"testing"
	"time"
)

// SetSmallScope sets the size of an organisation subtree List reads
// through its index, so that tests run both plans on a few rows.
func SetSmallScope(s *Service, n int) { s.smallScope = n }

func TestAges(t *testing.T) {
	leap := time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		birth, now time.Time
		want       int
	}{
		{time.Date(2008, 9, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), 18},
		{time.Date(2008, 9, 2, 0, 0, 0, 0, time.UTC), time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), 17},
		{time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC), leap, 0},
		{time.Date(2023, 2, 28, 0, 0, 0, 0, time.UTC), leap, 1},
		{leap, time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC), 0},
		{leap, time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), 1},
	} {
		years := age(c.birth, c.now)
		if years != c.want {
			t.Errorf("age(%v, %v) = %d, want %d", c.birth, c.now, years, c.want)
		}
		for _, n := range []int{c.want, c.want + 1} { // bornBefore agrees with age
			if by := bornBefore(c.now, n); !c.birth.After(by) != (years >= n) {
				t.Errorf("bornBefore(%v, %d) = %v disagrees with age %d", c.now, n, by, years)
			}
		}
	}
}

func TestHelpers(t *testing.T) {
	for in, want := range map[string]string{"+7 (701) 123-45-67": "7011234567", "8 701 1234567": "7011234567",
		"۰۹۱۲۳۴۵۶۷۸۹": "9123456789", "+98 912 345 6789": "9123456789", "2-34-56-78": "2345678"} {
		if _, d, ok := normPhone(in); !ok || d != want {
			t.Errorf("normPhone(%q) = %q, %v; want %q", in, d, ok, want)
		}
	}
	if got := namePrefixes("Мадина  Ахметова"); !slices.Equal(got, []string{"mdna axmtva", "axmtva mdna"}) {
		t.Errorf("prefixes %q", got)
	}
	if got := namePrefixes("a b c d"); !slices.Equal(got, []string{"a b k d", "b k d a", "k d a b", "d a b k"}) {
		t.Errorf("four words give %q, want the rotations", got)
	}
	if got := len(namePrefixes("Ли Мин Хо")); got != 6 {
		t.Errorf("three words give %d orders", got)
	}
	for a, b := range map[string]string{"/1/": "/1/7/", "": "/KZ/", "/1/7/": "/1/7/"} {
		if n, ok := narrow(a, b); !ok || n != b {
			t.Errorf("narrow(%q, %q) = %q", a, b, n)
		}
	}
	if _, ok := narrow("/1/7/", "/1/8/"); ok {
		t.Error("apart subtrees narrowed")
	}
	if !sameName("axmtva mdna srkkza", "axmtva mdna") || sameName("axmtva mdna", "axmtva mdnr") || sameName("axmtva", "axmtva mdna") {
		t.Error("sameName")
	}
	p := Person{ID: 42, nameKey: "jkpv abk", BirthDate: time.Date(2013, 7, 8, 0, 0, 0, 0, time.UTC)}
	if pos := SortName.position(SortName.cursor(p)); pos.key != p.nameKey || pos.id != 42 {
		t.Errorf("name cursor %+v", pos)
	}
	if pos := SortBirth.position(SortBirth.cursor(p)); !pos.birth.Equal(p.BirthDate) || pos.unknown || pos.id != 42 {
		t.Errorf("birth cursor %+v", pos)
	}
	p.BirthDate = time.Time{}
	if pos := SortBirth.position(SortBirth.cursor(p)); !pos.unknown || pos.id != 42 {
		t.Errorf("unknown birth cursor %+v", pos)
	}
	if pos := SortCreated.position(""); pos.id != 1<<63-1 {
		t.Errorf("first page %+v", pos)
	}
}

// NamesQuery is the query an import reads the candidates of n names with.
func NamesQuery(s *Service, n int) string { return (&ImportSession{s: s}).namesQuery(n) }
