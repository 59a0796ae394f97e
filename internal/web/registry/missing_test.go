package registry_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
)

// A value nobody gave shows as a dash with a hidden "Not recorded" for
// screen readers, not as "None" or "Unknown".
func TestMissingValuesShowAsADash(t *testing.T) {
	f := newFixture(t)
	child := f.Child(t, "Ахметова", "Мадина", day(2015, 3, 10), "")
	h := must(f.Svc.People.CreateHousehold(context.Background(), access.System, people.HouseholdInput{OrgID: f.Org.ID, RegionCode: "KZ-75"}))
	c := f.Login(t, "coord@example.org")
	const dash = `<span class="missing"><span aria-hidden="true">—</span><span class="visually-hidden">Not recorded</span></span>`
	for path, n := range map[string]int{
		"/people/" + itoa(child.ID): 6, // national ID, languages, phone, address, grade, status
		"/households/" + itoa(h.ID): 3, // address, phone, flags
	} {
		body := c.Get(path).Body
		if got := strings.Count(body, dash); got < n {
			t.Errorf("%s shows %d dashes, want at least %d", path, got, n)
		}
		for _, word := range []string{">None<", ">Unknown<"} {
			if strings.Contains(body, word) {
				t.Errorf("%s shows %s for a missing value", path, word)
			}
		}
	}
}
