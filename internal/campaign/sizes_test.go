package campaign

import "testing"

// Every size a form suggests is one a request takes.
func TestSuggestedSizesPassTheRule(t *testing.T) {
	for _, k := range Sizings() {
		for _, s := range Sizes(k) {
			if p := CheckSize(k, s); p != SizeOK {
				t.Errorf("%s size %q suggested but refused: %s", k, s, p)
			}
		}
	}
}

func TestCheckSize(t *testing.T) {
	for _, c := range []struct {
		k    Sizing
		size string
		want string
	}{
		{Clothes, "", SizeRequired}, {Clothes, "XXS", SizeOK}, {Clothes, "134", SizeOK}, {Clothes, "49", SizeInvalid},
		{Clothes, "201", SizeInvalid}, {Clothes, "XXXL", SizeInvalid}, {Shoes, "34.5", SizeOK}, {Shoes, "34.3", SizeInvalid},
		{Shoes, "15", SizeInvalid}, {Shoes, "", SizeRequired}, {NoSizes, "", SizeOK}, {NoSizes, "M", SizeNotApplicable},
	} {
		if got := CheckSize(c.k, c.size); got != c.want {
			t.Errorf("CheckSize(%s, %q) = %q, want %q", c.k, c.size, got, c.want)
		}
	}
}
