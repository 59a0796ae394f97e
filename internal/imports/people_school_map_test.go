package imports_test

import (
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/orgs"
)

// The organisations an unknown school may be mapped to come schools
// first, the most alike of them first.
func TestSortByLikeness(t *testing.T) {
	os := []orgs.Organisation{
		{ID: 1, Name: "Almaty Foundation", Type: orgs.Foundation},
		{ID: 2, Name: "Гимназия №9", Type: orgs.School},
		{ID: 3, Name: "Лицей 2", Type: orgs.Foundation},
		{ID: 4, Name: "Лицей имени Абая №2", Type: orgs.School},
		{ID: 5, Name: "Школа №2", Type: orgs.School},
	}
	imports.SortByLikeness(os, "лицей  №2")
	var got []int64
	for _, o := range os {
		got = append(got, o.ID)
	}
	if want := []int64{4, 5, 2, 3, 1}; !slices.Equal(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
}
