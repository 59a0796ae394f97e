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
