package api

import (
	"net/url"
	"testing"
)

func TestFlagIsYesForOneOrTrue(t *testing.T) {
	q := url.Values{"a": {"1"}, "b": {"true"}, "c": {"0"}, "d": {"yes"}, "e": {""}}
	for name, want := range map[string]bool{"a": true, "b": true, "c": false, "d": false, "e": false, "absent": false} {
		if got := flag(q, name); got != want {
			t.Errorf("flag %s=%q is %v, want %v", name, q.Get(name), got, want)
		}
	}
}
