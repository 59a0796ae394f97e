package dashboard_test

import (
	"testing"

	"github.com/jolproject/jol/internal/dashboard"
)

func TestMajorKeepsRialsWholeAndTurnsCentsIntoUnits(t *testing.T) {
	cases := []struct {
		m    dashboard.Money
		v    int64
		want float64
	}{
		{dashboard.Money{Currency: "IRR", Digits: 0}, 7_000_000, 7_000_000},
		{dashboard.Money{Currency: "KZT", Digits: 2}, 150_050, 1500.5},
		{dashboard.Money{Currency: "USD", Digits: 2}, 99, 0.99},
	}
	for _, c := range cases {
		if got := c.m.Major(c.v); got != c.want {
			t.Errorf("%s %d: got %v, want %v", c.m.Currency, c.v, got, c.want)
		}
	}
}
