package match

import (
	"math/big"
	"reflect"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/errs"
)

// adult and minor are young people of 20 and 16 on the matching date.
func adult(id int64, choices ...int64) Youth {
	return Youth{ID: id, Birth: day.AddDate(-20, 0, 0), Region: "north", Field: "it",
		Languages: []string{"kk", "ru"}, Formats: []string{"online"}, Choices: choices, Consent: true}
}

func minor(id int64, consent bool) Youth {
	y := adult(id)
	y.Birth, y.Consent = day.AddDate(-16, 0, 0), consent
	return y
}

func mentor(id int64, free int) Mentor {
	return Mentor{ID: id, Region: "north", Fields: []string{"it"}, Languages: []string{"ru"},
		Formats: []string{"online", "in_person"}, Free: free, School: true}
}

func keys(rs []Reason) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Key)
	}
	return out
}

// TestExplainedMatch: a first choice in the same field and region is
// explained as such, the shared language and format named.
func TestExplainedMatch(t *testing.T) {
	far := mentor(11, 1)
	far.Region, far.Fields = "south", []string{"sport"}
	res, err := Run(Input{Date: day, Youth: []Youth{adult(1, 10, 11)}, Mentors: []Mentor{mentor(10, 1), far}})
	if err != nil {
		t.Fatal(err)
	}
	want := []Reason{{Key: KeyChoice1}, {KeySameField, []any{"Field", "it"}}, {KeySameRegion, []any{"Region", "north"}},
		{KeySharedLanguage, []any{"Language", "ru"}}, {KeySharedFormat, []any{"Format", "online"}}}
	if len(res.Matches) != 1 || res.Matches[0].Mentor != 10 || !reflect.DeepEqual(res.Matches[0].Reasons, want) {
		t.Fatalf("got %+v", res.Matches)
	}
}

// TestMatchedFirstThenPreferred: two young people want the same mentor
// with one place; the one who has no other candidate gets it, the other
// goes to their second choice, so both are matched.
func TestMatchedFirstThenPreferred(t *testing.T) {
	in := Input{Date: day, Youth: []Youth{adult(1, 10, 11), adult(2, 10)},
		Mentors: []Mentor{mentor(10, 1), mentor(11, 1)}, Rule: Rule{ChoicesOnly: true}}
	res, err := Run(in)
	if err != nil {
		t.Fatal(err)
	}
	var got [][2]int64
	for _, m := range res.Matches {
		got = append(got, [2]int64{m.Youth, m.Mentor})
	}
	if !reflect.DeepEqual(got, [][2]int64{{1, 11}, {2, 10}}) || res.Matches[0].Choice != 2 {
		t.Fatalf("got %+v", res.Matches)
	}
}

// TestHardRules: a minor without consent is told what is missing; a
// mentor without the school takes no one; a minor goes only to a mentor
// vetted on the matching date (the expiry day itself still valid); of
// two minors for one place, the better fit takes it.
func TestHardRules(t *testing.T) {
	noSchool := mentor(10, 5)
	noSchool.School = false
	expired := mentor(11, 5)
	expired.Minors, expired.VettedUntil = true, day.AddDate(0, 0, -1)
	lastDay := mentor(12, 1)
	lastDay.Minors, lastDay.VettedUntil = true, day
	otherLanguage := minor(3, true)
	otherLanguage.Languages = []string{"en"} // a worse fit with every mentor
	in := Input{Date: day, Youth: []Youth{minor(1, false), minor(2, true), otherLanguage, adult(4, 10)},
		Mentors: []Mentor{noSchool, expired, lastDay}}
	res, err := Run(in)
	if err != nil {
		t.Fatal(err)
	}
	matched := map[int64]int64{}
	for _, m := range res.Matches {
		matched[m.Youth] = m.Mentor
	}
	reason := map[int64]string{}
	for _, u := range res.Unmatched {
		reason[u.Youth] = u.Reason.Key
	}
	if !reflect.DeepEqual(matched, map[int64]int64{2: 12, 4: 11}) ||
		!reflect.DeepEqual(reason, map[int64]string{1: KeyNoConsent, 3: KeyTaken}) {
		t.Fatalf("matched %v, unmatched %v", matched, reason)
	}
	if keys(res.Matches[1].Reasons)[0] != KeyNotChosen {
		t.Fatalf("young person 4 chose a mentor without the school: %v", keys(res.Matches[1].Reasons))
	}

	in.Mentors = in.Mentors[:2]
	res, _ = Run(in)
	if res.Unmatched[1].Youth != 2 || res.Unmatched[1].Reason.Key != KeyNoVetted {
		t.Fatalf("unmatched %+v", res.Unmatched)
	}
}

// TestBadInput: the errors a coordinator can meet.
func TestBadInput(t *testing.T) {
	base := func() Input {
		return Input{Date: day, Youth: []Youth{adult(1), adult(2)}, Mentors: []Mentor{mentor(10, 1)}}
	}
	cases := []struct {
		name, key string
		edit      func(*Input)
	}{
		{"over capacity", "error.mentor_over_capacity", func(in *Input) { in.Keep = []Pair{{1, 10}, {2, 10}} }},
		{"negative places", "error.mentor_over_capacity", func(in *Input) { in.Mentors[0].Free = -1 }},
		{"kept twice", "error.mentor_match_kept_twice", func(in *Input) { in.Mentors[0].Free = 3; in.Keep = []Pair{{1, 10}, {1, 10}} }},
		{"unknown pair", "error.mentor_match_unknown_pair", func(in *Input) { in.Exclude = []Pair{{1, 99}} }},
		{"four choices", "error.mentor_match_choices", func(in *Input) { in.Youth[0].Choices = []int64{1, 2, 3, 4} }},
		{"repeated choice", "error.mentor_match_choices", func(in *Input) { in.Youth[0].Choices = []int64{10, 10} }},
		{"duplicate", "error.mentor_match_duplicate", func(in *Input) { in.Youth[1].ID = 1 }},
	}
	for _, tc := range cases {
		in := base()
		tc.edit(&in)
		_, err := Run(in)
		if e := errs.As(err); e == nil || e.Code != errs.Invalid || e.Key != tc.key {
			t.Errorf("%s: got %v, want %s", tc.name, err, tc.key)
		}
	}
}

// TestRematch: a declined proposal is never made again, an accepted one
// stands and keeps its place, and the young person declined is matched
// with their next choice.
func TestRematch(t *testing.T) {
	in := Input{Date: day, Youth: []Youth{adult(1, 10, 11), adult(2, 10), adult(3)},
		Mentors: []Mentor{mentor(10, 1), mentor(11, 1)}}
	first, err := Run(in)
	if err != nil {
		t.Fatal(err)
	}
	var proposals []Proposal
	for _, m := range first.Matches {
		answer := Accepted
		if m.Youth == 1 {
			answer = Declined
		}
		proposals = append(proposals, Proposal{Pair{m.Youth, m.Mentor}, answer})
	}
	if len(proposals) != 2 || proposals[0].Pair != (Pair{1, 11}) {
		t.Fatalf("first run: %+v", first.Matches)
	}
	again, err := Rematch(in, proposals)
	if err != nil {
		t.Fatal(err)
	}
	// Young person 1's only other choice, mentor 10, is full with 2:
	// 3 takes mentor 11's place, 1 is left with every candidate declined
	// or full.
	if len(again.Matches) != 1 || again.Matches[0].Youth != 3 || again.Matches[0].Mentor != 11 {
		t.Fatalf("rematch: %+v", again.Matches)
	}
	if len(again.Unmatched) != 1 || again.Unmatched[0].Youth != 1 || again.Unmatched[0].Reason.Key != KeyDeclined {
		t.Fatalf("rematch unmatched: %+v", again.Unmatched)
	}
}

// TestDeterministic: the same people in any order give the same result.
func TestDeterministic(t *testing.T) {
	in := gen(size{youth: 400, mentors: 40, fields: 5, regions: 4, meanFree: 10}, 3)
	in.Rule = Rule{Language: true, Limit: 8}
	want, err := Run(in)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		slices.Reverse(in.Youth)
		slices.Reverse(in.Mentors)
		got, err := Run(in)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("a different order changed the result (%v)", err)
		}
	}
}

// TestShortlist: the best-fitting eligible mentors with a free place,
// at most the limit, whatever the young person chose before; a minor
// without consent is told why there is none.
func TestShortlist(t *testing.T) {
	south := mentor(12, 1)
	south.Region = "south"
	full := mentor(13, 0)
	in := Input{Date: day, Youth: []Youth{adult(1, 12), minor(2, false)},
		Mentors: []Mentor{south, mentor(11, 1), full, mentor(10, 2)}, Rule: Rule{Limit: 2, ChoicesOnly: true}}
	got, why, err := Shortlist(in, 1)
	want := []Candidate{{10, SameField | SameRegion | SharedLanguage | SharedFormat}, {11, SameField | SameRegion | SharedLanguage | SharedFormat}}
	if err != nil || why.Key != "" || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v %v %v", got, why, err)
	}
	if got, why, err := Shortlist(in, 2); err != nil || got != nil || why.Key != KeyNoConsent {
		t.Fatalf("minor without consent: %v %v %v", got, why, err)
	}
	if _, _, err := Shortlist(in, 3); err != errs.ErrNotFound {
		t.Fatalf("unknown young person: %v", err)
	}
}

// TestWeightsInRange: at MaxYouth young people the weights and the
// largest cost stay within the bound the package documentation proves,
// A + C < 13·(n+1)², computed without overflow, and (k, p, f) read back
// from a cost at the extremes.
func TestWeightsInRange(t *testing.T) {
	net := &network{n: MaxYouth}
	net.b = maxFit*net.n + 1
	net.a = (maxPref*net.b+maxFit)*net.n + 1
	top := new(big.Int).Mul(big.NewInt(MaxYouth+1), big.NewInt(MaxYouth+1))
	top.Mul(top, big.NewInt(13))
	if sum := big.NewInt(net.a + net.c()); sum.Cmp(top) >= 0 || !top.IsInt64() {
		t.Fatalf("A + C = %v, bound %v", sum, top)
	}
	for _, want := range [][3]int64{{0, 0, 0}, {MaxYouth, maxPref * MaxYouth, maxFit * MaxYouth}, {7, 20, 28}} {
		cost := (net.a+net.c())*net.n - (net.a*want[0] + net.b*want[1] + want[2])
		if k, p, f := net.aims(cost); [3]int64{k, p, f} != want {
			t.Fatalf("aims of %v read back as %v %v %v", want, k, p, f)
		}
	}
}
