package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
)

func TestHouseholdEdit(t *testing.T) {
	f := newFixture(t)
	c := f.login(t, "coord@example.org")
	path := c.household("Абай даңғылы 10")
	page := c.get(path)
	if !strings.Contains(page.body, `href="`+path+`/edit"`) {
		t.Fatal("the household's page has no edit link")
	}
	form := c.get(path + "/edit")
	for _, want := range []string{`action="` + path + `"`, `value="Абай даңғылы 10"`, `name="low_income" type="checkbox" checked`,
		`7 701 123 45 67"`} {
		if !strings.Contains(form.body, want) {
			t.Errorf("edit form lacks %q", want)
		}
	}
	edit := url.Values{"org_id": {itoa(f.org.ID)}, "region_code": {"KZ-75"}, "address": {"Сейфуллин көшесі 5"},
		"phone": {"12"}, "income_category": {"Below subsistence"}, "incomplete": {"on"}, "notes": {"Мать одна растит детей"}}
	r := c.post(path, edit)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("invalid phone and income category: %d", r.status)
	}
	for _, want := range []string{`id="phone-error"`, `id="income_category-error"`, `value="Сейфуллин көшесі 5"`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("refused edit lacks %q", want)
		}
	}
	edit.Set("phone", "+7 702 000 11 22")
	edit.Set("income_category", "below-subsistence")
	if r := c.post(path, edit); r.status != http.StatusSeeOther || r.location != path {
		t.Fatalf("edit: %d %s", r.status, r.location)
	}
	page = c.get(path)
	for _, want := range []string{"Saved.", "Сейфуллин көшесі 5", "below-subsistence", "Single parent", "Мать одна растит детей"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("edited household lacks %q", want)
		}
	}
	if strings.Contains(page.body, "Low income") {
		t.Error("the low-income flag unticked is still shown")
	}
	c.post("/locale", url.Values{"lang": {"ru"}, "next": {path}})
	edit.Set("income_category", "Ниже прожиточного")
	if r := c.post(path, edit); !strings.Contains(r.body, "Изменить семью") || !strings.Contains(r.body, `id="income_category-error"`) {
		t.Error("the refusal is not shown in Russian beside its field")
	}
}

func TestHouseholdEditOutOfScope(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	tehran := must(f.svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Tehran Charity", Type: orgs.Charity, RegionCode: "IR-23"}))
	h := must(f.svc.People.CreateHousehold(ctx, access.System, people.HouseholdInput{RegionCode: "IR-23", OrgID: tehran.ID, Address: "Valiasr 1"}))
	c := f.login(t, "coord@example.org")
	path := "/households/" + itoa(h.ID)
	if r := c.get(path + "/edit"); r.status != http.StatusForbidden {
		t.Errorf("edit form of another organisation's household: %d", r.status)
	}
	r := c.post(path, url.Values{"org_id": {itoa(f.org.ID)}, "region_code": {"KZ-75"}, "address": {"Taken"}})
	if r.status != http.StatusForbidden {
		t.Errorf("edit of another organisation's household: %d", r.status)
	}
	if got := must(f.svc.People.Household(ctx, access.System, h.ID, people.ViaWeb)); got.Address != "Valiasr 1" {
		t.Errorf("the household was changed: %+v", got)
	}
}
