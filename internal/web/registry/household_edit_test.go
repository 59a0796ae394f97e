package registry_test

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
	c := f.Login(t, "coord@example.org")
	path := household(c, "Абай даңғылы 10")
	page := c.Get(path)
	if !strings.Contains(page.Body, `href="`+path+`/edit"`) {
		t.Fatal("the household's page has no edit link")
	}
	form := c.Get(path + "/edit")
	for _, want := range []string{`action="` + path + `"`, `value="Абай даңғылы 10"`, `name="low_income" type="checkbox" checked`,
		`7 701 123 45 67"`} {
		if !strings.Contains(form.Body, want) {
			t.Errorf("edit form lacks %q", want)
		}
	}
	edit := url.Values{"org_id": {itoa(f.Org.ID)}, "region_code": {"KZ-75"}, "address": {"Сейфуллин көшесі 5"},
		"phone": {"12"}, "income_category": {"Below subsistence"}, "incomplete": {"on"}, "notes": {"Мать одна растит детей"}}
	r := c.Post(path, edit)
	if r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("invalid phone and income category: %d", r.Status)
	}
	for _, want := range []string{`id="phone-error"`, `id="income_category-error"`, `value="Сейфуллин көшесі 5"`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("refused edit lacks %q", want)
		}
	}
	edit.Set("phone", "+7 702 000 11 22")
	edit.Set("income_category", "below_subsistence")
	if r := c.Post(path, edit); r.Status != http.StatusSeeOther || r.Location != path {
		t.Fatalf("edit: %d %s", r.Status, r.Location)
	}
	page = c.Get(path)
	for _, want := range []string{"Saved.", "Сейфуллин көшесі 5", "Below the subsistence minimum", "Single parent", "Мать одна растит детей"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("edited household lacks %q", want)
		}
	}
	if strings.Contains(page.Body, "Low income") {
		t.Error("the low-income flag unticked is still shown")
	}
	c.Post("/locale", url.Values{"lang": {"ru"}, "next": {path}})
	edit.Set("income_category", "Ниже прожиточного")
	if r := c.Post(path, edit); !strings.Contains(r.Body, "Изменить семью") || !strings.Contains(r.Body, `id="income_category-error"`) {
		t.Error("the refusal is not shown in Russian beside its field")
	}
}

func TestIncomeCategoryIsAChoice(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "coord@example.org")
	form := c.Get("/households/new")
	for _, want := range []string{`<select id="income_category" name="income_category"`, `<option value="" selected dir="auto">Not assessed</option>`,
		`<option value="below_poverty_line" dir="auto">Below the poverty line</option>`} {
		if !strings.Contains(form.Body, want) {
			t.Errorf("the new household form lacks %q", want)
		}
	}
	if strings.Contains(form.Body, `<input id="income_category"`) {
		t.Error("the income category is still typed")
	}
	// A code stored before the scale existed stays a choice, so saving the
	// form keeps it.
	h := must(f.Svc.People.CreateHousehold(context.Background(), access.System, people.HouseholdInput{OrgID: f.Org.ID, RegionCode: "KZ-75",
		Address: "Абай 1", IncomeCategory: "scale-b"}))
	if r := c.Get("/households/" + itoa(h.ID) + "/edit"); !strings.Contains(r.Body, `<option value="scale-b" selected dir="auto">scale-b</option>`) {
		t.Error("an older income code is not kept as the selected choice")
	}
	c.Post("/locale", url.Values{"lang": {"fa"}, "next": {"/"}})
	if r := c.Get("/households/new"); !strings.Contains(r.Body, "زیر خط فقر") {
		t.Error("the income choices are not translated")
	}
}

func TestHouseholdEditOutOfScope(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	tehran := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Tehran Charity", Type: orgs.Charity, RegionCode: "IR-23"}))
	h := must(f.Svc.People.CreateHousehold(ctx, access.System, people.HouseholdInput{RegionCode: "IR-23", OrgID: tehran.ID, Address: "Valiasr 1"}))
	c := f.Login(t, "coord@example.org")
	path := "/households/" + itoa(h.ID)
	if r := c.Get(path + "/edit"); r.Status != http.StatusForbidden {
		t.Errorf("edit form of another organisation's household: %d", r.Status)
	}
	r := c.Post(path, url.Values{"org_id": {itoa(f.Org.ID)}, "region_code": {"KZ-75"}, "address": {"Taken"}})
	if r.Status != http.StatusForbidden {
		t.Errorf("edit of another organisation's household: %d", r.Status)
	}
	if got := must(f.Svc.People.Household(ctx, access.System, h.ID, people.ViaWeb)); got.Address != "Valiasr 1" {
		t.Errorf("the household was changed: %+v", got)
	}
}
