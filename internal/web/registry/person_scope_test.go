package registry_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
)

// TestIDOutsideTheScopeNamesNoRecord: the coordinator types the IIN of a
// child another country's organisation registered. The matches panel
// shows nothing and the refusal says only that the number is registered
// and whom to ask: no record number, no link, no organisation.
func TestIDOutsideTheScopeNamesNoRecord(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	other := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Tabriz Schools Trust", Type: orgs.Foundation, RegionCode: "IR-03"}))
	iin := must(natid.MakeIIN(day(2015, 3, 10), natid.Female, 7))
	theirs := must(f.Svc.People.Create(ctx, access.System, people.Input{LastName: "Rahimi", FirstName: "Leila",
		BirthDate: day(2015, 3, 10), Sex: people.Female, NationalID: iin, RegionCode: "IR-03", OrgID: other.ID}))
	c := f.Login(t, "coord@example.org")
	form := url.Values{"last_name": {"Серікова"}, "first_name": {"Дана"}, "birth_date": {"2015-03-10"}, "sex": {"F"},
		"national_id": {iin}, "region_code": {"KZ-75"}, "org_id": {itoa(f.Org.ID)}}
	r := c.Post("/people", form)
	if r.Status != http.StatusConflict && r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("an ID registered elsewhere: %d", r.Status)
	}
	if !strings.Contains(r.Body, "This ID number is already registered, in records you cannot see.") {
		t.Errorf("refusal lacks the message:\n%s", r.Body)
	}
	for _, leak := range []string{"Same ID number", "/people/" + itoa(theirs.ID) + `"`, "record " + itoa(theirs.ID), other.Name, "Rahimi"} {
		if strings.Contains(r.Body, leak) {
			t.Errorf("the page tells %q", leak)
		}
	}
}

// TestHouseholdOutsideTheScopeIsNotShown: an administrator put a child of
// the coordinator's organisation in a household of another country's
// organisation. The child's page says so and whom to ask, without the
// household's number or a link to it; so does the merge comparison with a
// record of the child in the coordinator's own household, and its reason
// why the merge is refused.
func TestHouseholdOutsideTheScopeIsNotShown(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	other := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Tabriz Schools Trust", Type: orgs.Foundation, RegionCode: "IR-03"}))
	in := people.Input{LastName: "Серікова", FirstName: "Дана", BirthDate: day(2015, 3, 10), Sex: people.Female,
		RegionCode: "KZ-75", OrgID: f.Org.ID}
	kid := must(f.Svc.People.Create(ctx, access.System, in))
	theirs := must(f.Svc.People.CreateHousehold(ctx, access.System, people.HouseholdInput{OrgID: other.ID, RegionCode: "IR-03"}))
	check(t, f.Svc.People.AddMember(ctx, access.System, theirs.ID, people.MemberInput{PersonID: kid.ID, Relation: people.Child}))
	twin := must(f.Svc.People.Create(ctx, access.System, in))
	ours := must(f.Svc.People.CreateHousehold(ctx, access.System, people.HouseholdInput{OrgID: f.Org.ID, RegionCode: "KZ-75"}))
	check(t, f.Svc.People.AddMember(ctx, access.System, ours.ID, people.MemberInput{PersonID: twin.ID, Relation: people.Child}))
	// A number of its own for the household outside, so that finding it
	// on a page is no coincidence.
	leaks := []string{`href="/households/` + itoa(theirs.ID) + `"`, "Household No. " + itoa(theirs.ID), other.Name}

	c := f.Login(t, "coord@example.org")
	path := "/people/" + itoa(kid.ID)
	page := c.Get(path)
	if page.Status != http.StatusOK || !strings.Contains(page.Body, "Lives in a household of another organisation — ask an administrator") {
		t.Fatalf("the person page (%d) does not say where the child lives:\n%s", page.Status, page.Body)
	}
	compare := c.Get(path + "/merge?with=" + itoa(twin.ID))
	if compare.Status != http.StatusOK || !strings.Contains(compare.Body, "Household of another organisation") ||
		!strings.Contains(compare.Body, "one of them in records you cannot see") {
		t.Fatalf("the merge comparison (%d) does not show the household withheld and the merge refused:\n%s", compare.Status, compare.Body)
	}
	for _, body := range []string{page.Body, compare.Body} {
		for _, leak := range leaks {
			if strings.Contains(body, leak) {
				t.Errorf("a page tells %q", leak)
			}
		}
	}
}
