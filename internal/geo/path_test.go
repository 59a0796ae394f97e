package geo_test

import (
	"testing"

	"github.com/jolproject/jol/internal/geo"
)

func TestPathCodeIsTheLastCode(t *testing.T) {
	for path, want := range map[string]string{
		"/KZ/":                "KZ",
		"/KZ/KZ-35/":          "KZ-35",
		"/KZ/KZ-35/KZ-35-01/": "KZ-35-01",
		"KZ/KZ-75":            "KZ-75",
		"":                    "",
	} {
		if got := geo.PathCode(path); got != want {
			t.Errorf("PathCode(%q) = %q, want %q", path, got, want)
		}
	}
}
