package admin_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
)

func TestOrganisationNameIsEscaped(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "admin@example.org")
	name := "<script>alert(1)</script>"
	r := c.Post("/organisations", url.Values{"name": {name}, "type": {"school"}, "parent_id": {itoa(f.Org.ID)},
		"region_code": {"kz-75"}, "locale": {"kk"}})
	if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location, "/organisations/") {
		t.Fatalf("create: %d %s %s", r.Status, r.Location, r.Body)
	}
	for _, path := range []string{"/organisations", r.Location, "/organisations?parent=" + itoa(f.Org.ID)} {
		page := c.Get(path)
		if page.Status != http.StatusOK || !strings.Contains(page.Body, "&lt;script&gt;alert(1)&lt;/script&gt;") ||
			strings.Contains(page.Body, "<script>alert") {
			t.Errorf("%s: %d, name not escaped", path, page.Status)
		}
	}
	page := c.Get(r.Location)
	for _, want := range []string{"School", "Almaty", "Almaty Foundation", "Қазақша", `action="` + r.Location + `"`} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("organisation page lacks %q", want)
		}
	}
	list := c.Get("/organisations?type=school&region=KZ-75")
	if !strings.Contains(list.Body, "&lt;script&gt;") || strings.Contains(list.Body, ">Almaty Foundation</bdi></a></th>") {
		t.Error("filters do not filter")
	}
}

func TestOrganisationFormErrorsAndEdit(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "admin@example.org")
	r := c.Post("/organisations", url.Values{"name": {"  "}, "type": {"army"}, "region_code": {"XX-1"}})
	if r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("invalid create: %d", r.Status)
	}
	for _, want := range []string{`id="name-error"`, `id="type-error"`, `value="XX-1"`, `role="alert"`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("invalid create lacks %q", want)
		}
	}
	path := "/organisations/" + itoa(f.Org.ID)
	r = c.Post(path, url.Values{"name": {"Almaty Fund"}, "type": {"charity"}, "region_code": {"KZ-75"}, "active": {"on"}})
	if r.Status != http.StatusSeeOther || r.Location != path {
		t.Fatalf("edit: %d %s", r.Status, r.Body)
	}
	if page := c.Get(path); !strings.Contains(page.Body, "Almaty Fund") || !strings.Contains(page.Body, "Charity") || !strings.Contains(page.Body, "Saved.") {
		t.Error("edit not shown")
	}
	coord := f.Login(t, "coord@example.org")
	if page := coord.Get(path); page.Status != http.StatusOK || !strings.Contains(page.Body, `action="`+path+`"`) {
		t.Errorf("coordinator cannot edit their own organisation: %d", page.Status)
	}
	if r := coord.Post(path, url.Values{"name": {"Moved"}, "type": {"charity"}, "region_code": {"KZ-71"}}); r.Status == http.StatusSeeOther {
		t.Error("coordinator moved their organisation out of their region")
	}
}

func TestCoordinatorSeesOnlyTheirSubtree(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	child := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "School 12", Type: orgs.School, ParentID: f.Org.ID, RegionCode: "KZ-75"}))
	must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Tehran Charity", Type: orgs.Charity, RegionCode: "IR-23"}))
	c := f.Login(t, "coord@example.org")
	list := c.Get("/organisations")
	if !strings.Contains(list.Body, "School 12") || strings.Contains(list.Body, "Tehran Charity") {
		t.Fatal("the coordinator's list is not their subtree")
	}
	page := c.Get("/organisations/" + itoa(child.ID))
	if !strings.Contains(page.Body, `<a href="/organisations/`+itoa(f.Org.ID)+`"><bdi>Almaty Foundation</bdi></a>`) {
		t.Error("no breadcrumb to the parent")
	}
	form := c.Get("/organisations/new")
	if !strings.Contains(form.Body, `<option value="`+itoa(f.Org.ID)+`" selected`) || strings.Contains(form.Body, `<option value="" selected dir="auto">None (top level)`) {
		t.Error("a coordinator's new organisation does not default to their own as its parent")
	}
	r := c.Post("/organisations", url.Values{"name": {"School 15"}, "type": {"school"}, "parent_id": {itoa(f.Org.ID)}, "region_code": {"KZ-75"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("coordinator creates a school: %d", r.Status)
	}
	if r := c.Get("/organisations?parent=" + itoa(f.Org.ID)); !strings.Contains(r.Body, "School 12") || !strings.Contains(r.Body, "Organisations under Almaty Foundation") {
		t.Error("children of the foundation not listed")
	}
}
