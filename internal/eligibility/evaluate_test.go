package eligibility

import (
	"reflect"
	"slices"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

var decision = day("2026-09-01")

// child is a Karaganda pupil of 8 in grade 2, low-income with evidence
// valid until the end of the year, in a family of four children.
func child() Facts {
	return Facts{
		BirthDate:   day("2018-03-15"),
		Grade:       2,
		Categories:  []Held{{Code: "low-income", Expires: day("2026-12-31")}, {Code: "large-family"}},
		RegionPath:  "/KZ/KZ-35/KZ-35-01/",
		Institution: 7,
		Income:      "below_subsistence",
		Children:    4,
		RequestDate: day("2026-07-03"),
	}
}

func TestEvaluateRules(t *testing.T) {
	const backpack = 11
	cases := []struct {
		name   string
		rules  Criteria
		facts  func(*Facts)
		status Status
		want   Check
	}{
		{"age within", Criteria{Age: &Range{6, 10}}, nil, Eligible,
			Check{Rule: RuleAge, Outcome: Passed, Min: 6, Max: 10, Value: 8}},
		{"age the day before the birthday", Criteria{Age: &Range{9, 10}}, func(f *Facts) { f.BirthDate = day("2017-09-02") },
			Ineligible, Check{Rule: RuleAge, Outcome: Failed, Min: 9, Max: 10, Value: 8}},
		{"age on the birthday", Criteria{Age: &Range{9, 10}}, func(f *Facts) { f.BirthDate = day("2017-09-01") },
			Eligible, Check{Rule: RuleAge, Outcome: Passed, Min: 9, Max: 10, Value: 9}},
		{"age unknown", Criteria{Age: &Range{6, 10}}, func(f *Facts) { f.BirthDate = time.Time{} }, Undetermined,
			Check{Rule: RuleAge, Outcome: Unknown, Min: 6, Max: 10}},
		{"grade outside", Criteria{Grade: &Range{5, 9}}, nil, Ineligible,
			Check{Rule: RuleGrade, Outcome: Failed, Min: 5, Max: 9, Value: 2}},
		{"grade not at school", Criteria{Grade: &Range{1, 4}}, func(f *Facts) { f.Grade = 0 }, Undetermined,
			Check{Rule: RuleGrade, Outcome: Unknown, Min: 1, Max: 4}},
		{"category held", Criteria{Categories: []string{"orphan", "low-income"}}, nil, Eligible,
			Check{Rule: RuleCategories, Outcome: Passed, Want: []string{"orphan", "low-income"}, Got: []string{"low-income"}}},
		{"category evidence expired the day before", Criteria{Categories: []string{"low-income"}},
			func(f *Facts) { f.Categories[0].Expires = day("2026-08-31") }, Ineligible,
			Check{Rule: RuleCategories, Outcome: Failed, Want: []string{"low-income"}, Expired: []string{"low-income"}}},
		{"category evidence expiring on the day", Criteria{Categories: []string{"low-income"}},
			func(f *Facts) { f.Categories[0].Expires = day("2026-09-01") }, Eligible,
			Check{Rule: RuleCategories, Outcome: Passed, Want: []string{"low-income"}, Got: []string{"low-income"}}},
		{"category not held", Criteria{Categories: []string{"orphan"}}, nil, Ineligible,
			Check{Rule: RuleCategories, Outcome: Failed, Want: []string{"orphan"}}},
		{"region subtree", Criteria{Regions: []string{"/IR/", "/KZ/KZ-35/"}}, nil, Eligible,
			Check{Rule: RuleRegion, Outcome: Passed, Want: []string{"/IR/", "/KZ/KZ-35/"}, Got: []string{"/KZ/KZ-35/KZ-35-01/"}}},
		{"region is not a prefix of a sibling code", Criteria{Regions: []string{"/KZ/KZ-3/"}}, nil, Ineligible,
			Check{Rule: RuleRegion, Outcome: Failed, Want: []string{"/KZ/KZ-3/"}, Got: []string{"/KZ/KZ-35/KZ-35-01/"}}},
		{"region unknown", Criteria{Regions: []string{"/KZ/"}}, func(f *Facts) { f.RegionPath = "" }, Undetermined,
			Check{Rule: RuleRegion, Outcome: Unknown, Want: []string{"/KZ/"}}},
		{"institution listed", Criteria{Institutions: []int64{3, 7}}, nil, Eligible,
			Check{Rule: RuleInstitution, Outcome: Passed, IDs: []int64{3, 7}, ID: 7}},
		{"institution other", Criteria{Institutions: []int64{3}}, nil, Ineligible,
			Check{Rule: RuleInstitution, Outcome: Failed, IDs: []int64{3}, ID: 7}},
		{"institution unknown", Criteria{Institutions: []int64{3}}, func(f *Facts) { f.Institution = 0 }, Undetermined,
			Check{Rule: RuleInstitution, Outcome: Unknown, IDs: []int64{3}}},
		{"not received", Criteria{NotReceived: true}, func(f *Facts) { f.Received = []int64{12} }, Eligible,
			Check{Rule: RuleReceived, Outcome: Passed, ID: backpack}},
		{"received this year", Criteria{NotReceived: true}, func(f *Facts) { f.Received = []int64{12, backpack} }, Ineligible,
			Check{Rule: RuleReceived, Outcome: Failed, ID: backpack}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := child()
			if c.facts != nil {
				c.facts(&f)
			}
			r := Evaluate(Rules{Version: 3, All: c.rules}, Weights{}, f, backpack, decision)
			if r.Status != c.status || len(r.Checks) != 1 || !equalCheck(r.Checks[0], c.want) {
				t.Fatalf("got %s %+v, want %s %+v", r.Status, r.Checks, c.status, c.want)
			}
			if r.RulesVersion != 3 {
				t.Errorf("rules version %d, want 3", r.RulesVersion)
			}
		})
	}
}

func equalCheck(a, b Check) bool {
	return a.Rule == b.Rule && a.Item == b.Item && a.Outcome == b.Outcome && a.Min == b.Min && a.Max == b.Max &&
		a.Value == b.Value && slices.Equal(a.Want, b.Want) && slices.Equal(a.Got, b.Got) &&
		slices.Equal(a.Expired, b.Expired) && slices.Equal(a.IDs, b.IDs) && a.ID == b.ID
}

func TestEvaluateItemRules(t *testing.T) {
	const laptop, backpack = 21, 11
	rules := Rules{
		All:   Criteria{Regions: []string{"/KZ/KZ-35/"}},
		Items: map[int64]Criteria{laptop: {Grade: &Range{5, 11}, NotReceived: true}},
	}
	// The laptop's own rules add to those for every item.
	r := Evaluate(rules, Weights{}, child(), laptop, decision)
	if r.Status != Ineligible || len(r.Checks) != 3 || r.Checks[1].Item != laptop || r.Checks[1].Outcome != Failed {
		t.Fatalf("laptop: %s %+v", r.Status, r.Checks)
	}
	// A backpack has only the common rules.
	if r := Evaluate(rules, Weights{}, child(), backpack, decision); r.Status != Eligible || len(r.Checks) != 1 {
		t.Fatalf("backpack: %s %+v", r.Status, r.Checks)
	}
	// A request as a whole names no item: no "received" check, no item rules.
	rules.All.NotReceived = true
	if r := Evaluate(rules, Weights{}, child(), 0, decision); len(r.Checks) != 1 {
		t.Fatalf("whole request: %+v", r.Checks)
	}
}

func TestFailedOutranksUnknown(t *testing.T) {
	rules := Rules{All: Criteria{Age: &Range{6, 10}, Grade: &Range{5, 9}}}
	f := child()
	f.BirthDate = time.Time{}
	if r := Evaluate(rules, Weights{}, f, 0, decision); r.Status != Ineligible {
		t.Fatalf("status %s, want ineligible", r.Status)
	}
}

func TestAgeOnLeapDay(t *testing.T) {
	f := Facts{BirthDate: day("2016-02-29")}
	for _, c := range []struct {
		on   string
		want int
	}{{"2026-02-28", 9}, {"2026-03-01", 10}, {"2028-02-29", 12}, {"2016-02-29", 0}} {
		if got, ok := f.AgeOn(day(c.on)); !ok || got != c.want {
			t.Errorf("age on %s = %d %v, want %d", c.on, got, ok, c.want)
		}
	}
	if _, ok := f.AgeOn(day("2015-01-01")); ok {
		t.Error("an age before birth is known")
	}
}

func TestDetailRoundTrip(t *testing.T) {
	const laptop = 21
	rules := Rules{Version: 5, All: Criteria{Age: &Range{6, 17}, Categories: []string{"low-income", "orphan"},
		Regions: []string{"/KZ/KZ-35/"}, Institutions: []int64{7, 8}, NotReceived: true},
		Items: map[int64]Criteria{laptop: {Grade: &Range{5, 11}}}}
	f := child()
	f.DistanceKm, f.DistanceKnown = 12.5, true
	f.Categories = append(f.Categories, Held{Code: "orphan", Expires: day("2025-01-01")})
	w := roadWeights()
	r := EvaluateItems(rules, w, f, []int64{11, laptop}, decision)
	data, err := EncodeDetail(r)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeDetail(data, rules, r.Status, r.Score, r.RankRegion)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r, back) {
		t.Fatalf("round trip:\n%+v\n%+v", r, back)
	}
	if len(data) > 512 { // seven checks and five terms; a full Result takes twice as much
		t.Errorf("stored detail takes %d bytes: %s", len(data), data)
	}
}
