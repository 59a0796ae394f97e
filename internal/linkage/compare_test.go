package linkage

import (
	"math"
	"testing"
)

func TestJaroWinkler(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"martha", "marhta", 0.9611},
		{"dwayne", "duane", 0.84},
		{"dixon", "dicksonx", 0.8133},
		{"abc", "abc", 1},
		{"abc", "", 0},
		{"abc", "xyz", 0},
	} {
		if got := jaroWinkler(c.a, c.b); math.Abs(got-c.want) > 0.0005 {
			t.Errorf("jaroWinkler(%q, %q) = %.4f, want %.4f", c.a, c.b, got, c.want)
		}
		if got, back := jaroWinkler(c.a, c.b), jaroWinkler(c.b, c.a); got != back {
			t.Errorf("jaroWinkler is not symmetric on %q, %q: %v, %v", c.a, c.b, got, back)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b        string
		limit, want int
	}{
		{"kitten", "sitting", 5, 3},
		{"hossein", "hosein", 2, 1},
		{"ca", "ac", 2, 1}, // a transposition is one edit
		{"abcdef", "abcdef", 2, 0},
		{"abcdefgh", "ab", 2, 3}, // beyond the limit: limit+1
		{"", "abc", 5, 3},
	} {
		if got := editDistance(c.a, c.b, c.limit); got != c.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", c.a, c.b, c.limit, got, c.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Date
	}{
		{"20150331", 20150331},
		{"2015-03-31", 20150331},
		{"31.03.2015", 20150331},
		{" 19151111", 19151111},
		{"1394/01/11", 20150331}, // Solar Hijri
		{"۱۳۹۴/۰۱/۱۱", 20150331},
		{"2015-13-31", 20151331}, // a typo keeps its digits
		{"", 0},
		{"unknown", 0},
		{"20150", 0},
	} {
		got, ok := ParseDate(c.in)
		if got != c.want || ok != (c.want != 0) {
			t.Errorf("ParseDate(%q) = %d, %v, want %d", c.in, got, ok, c.want)
		}
	}
}

func TestCompareDates(t *testing.T) {
	for _, c := range []struct {
		a, b Date
		want int
	}{
		{20150331, 20150331, dateExact},
		{20150304, 20150403, dateTypo}, // day and month swapped
		{20150331, 20150381, dateTypo}, // one digit
		{20150331, 20150713, dateDisagree},
		{20150331, 20150313, dateTypo}, // adjacent digits swapped
		{20150331, 20160331, dateTypo}, // one digit of the year
		{20150331, 20140331, dateTypo},
		{20100331, 20090331, dateNear}, // a year apart, several digits
		{20150321, 20150101, dateNear}, // 1 Farvardin 1394 = 21 March 2015: Solar day and month kept
		{20150420, 20150131, dateNear}, // 31 Farvardin 1394
		{20150321, 20121105, dateDisagree},
		{20150328, 20150402, dateNear},     // five days apart
		{20150321, 20150304, dateDisagree}, // 17 days apart
	} {
		ra := &Record{Birth: c.a, BirthJ: solarDay(c.a)}
		rb := &Record{Birth: c.b, BirthJ: solarDay(c.b)}
		if got := compareDates(ra, rb); got != c.want {
			t.Errorf("compareDates(%d, %d) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := compareDates(rb, ra); got != c.want {
			t.Errorf("compareDates(%d, %d) = %d, want %d (reversed)", c.b, c.a, got, c.want)
		}
	}
}

func TestCompareIDs(t *testing.T) {
	rec := func(s string) *Record {
		r := &Record{}
		r.NatID, r.NatLen, r.NatValid = parseNatID(s)
		return r
	}
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"150307600424", "150307600424", idExact},
		{"150307600424", "150307600423", idTypo}, // last digit wrong: check digit fails
		{"150307600424", "150307604024", idTypo}, // adjacent digits swapped
		{"0012345679", "0012345678", idTypo},     // Iranian code, one digit
		{"0012345679", "0012345697", idTypo},     // Iranian code, transposition
		{"0012345679", "0012345687", idDisagree}, // two digits
		{"5304218", "5304219", idTypo},           // no check digit to consult
		{"0012345679", "12345679", idExact},      // leading zeros lost in a spreadsheet
		{"0012345679", "12345678", idTypo},       // and one digit wrong
		{"0012345679", "123456790", idDisagree},  // another number
	} {
		if got := compareIDs(rec(c.a), rec(c.b)); got != c.want {
			t.Errorf("compareIDs(%s, %s) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	if got := compareIDs(rec("0012345679"), rec("1234567891")); got != idDisagree {
		t.Errorf("two valid different codes = %d, want %d", got, idDisagree)
	}
}

func TestScientific(t *testing.T) {
	for s, want := range map[string]bool{
		"1.40701E+11": true, "1,40701E+11": true, "1.4e11": true, "7E+09": true,
		"140701000000": false, "E+11": false, "1.40701E": false, "Eva": false, "ae1": false, "": false,
		"1.2.3E+4": false,
	} {
		if got := scientific(s); got != want {
			t.Errorf("scientific(%q) = %v, want %v", s, got, want)
		}
	}
}
