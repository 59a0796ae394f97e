package eligibility

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/errs"
)

var known = []string{"low-income", "large-family", "orphan"}

func TestRulesJSONRoundTrip(t *testing.T) {
	in := Rules{Version: 4, All: Criteria{Age: &Range{6, 17}, Regions: []string{"/KZ/KZ-35/"}, NotReceived: true},
		Items: map[int64]Criteria{21: {Grade: &Range{5, 11}, Categories: []string{"orphan"}, Institutions: []int64{7}}}}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := ParseRules(data, known)
	if err != nil || !reflect.DeepEqual(in, out) {
		t.Fatalf("round trip: %v\n%+v\n%+v", err, in, out)
	}
	w := roadWeights()
	data, _ = json.Marshal(w)
	back, err := ParseWeights(data, known, []string{"below_poverty_line", "below_subsistence"})
	if err != nil || !reflect.DeepEqual(w, back) {
		t.Fatalf("weights round trip: %v\n%+v\n%+v", err, w, back)
	}
}

// fields returns the fields an invalid error names, or fails.
func fields(t *testing.T, err error) []string {
	t.Helper()
	e := errs.As(err)
	if e == nil || e.Code != errs.Invalid {
		t.Fatalf("got %v, want an invalid error", err)
	}
	var out []string
	for _, f := range e.Fields {
		out = append(out, f.Field+" "+f.Key)
	}
	return out
}

func TestRulesRefused(t *testing.T) {
	cases := []struct {
		json string
		want []string
	}{
		{`{"all":{"age":{"min":10,"max":6}}}`, []string{"all.age error.rules_range"}},
		{`{"all":{"grade":{"min":1,"max":13}}}`, []string{"all.grade error.rules_range"}},
		{`{"all":{"categories":["poor"]}}`, []string{"all.categories error.rules_category"}},
		{`{"all":{"regions":["KZ-35"]}}`, []string{"all.regions error.rules_region"}},
		{`{"items":{"0":{},"5":{"institutions":[-1]}}}`, []string{"items.0 error.rules_item", "items.5.institutions error.rules_institution"}},
		{`{"version":-1}`, []string{"version error.rules_version"}},
	}
	for _, c := range cases {
		_, err := ParseRules([]byte(c.json), known)
		if got := fields(t, err); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.json, got, c.want)
		}
	}
	for _, bad := range []string{`{"all":{"ages":{}}}`, `{"all":{}} {}`, `[`} {
		if _, err := ParseRules([]byte(bad), known); errs.As(err) == nil || errs.As(err).Key != "error.rules_json" {
			t.Errorf("%s: got %v, want error.rules_json", bad, err)
		}
	}
}

func TestWeightsRefused(t *testing.T) {
	cases := []struct {
		json string
		want []string
	}{
		{`{"categories":{"poor":5}}`, []string{"categories error.rules_category"}},
		{`{"income":{"rich":5,"low":20000}}`, []string{"income.low error.weights_points", "income error.weights_income"}},
		{`{"distance":[{"from_km":5,"points":1},{"from_km":5,"points":2}]}`, []string{"distance.1 error.weights_band_order"}},
		{`{"children_from":-1,"per_child":-10001}`, []string{"per_child error.weights_points", "children_from error.weights_children_from"}},
		{`{"rank_depth":9}`, []string{"rank_depth error.weights_rank_depth"}},
	}
	for _, c := range cases {
		_, err := ParseWeights([]byte(c.json), known, []string{"low"})
		if got := fields(t, err); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.json, got, c.want)
		}
	}
}
