package web_test

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
	c := f.login(t, "admin@example.org")
	name := "<script>alert(1)</script>"
	r := c.post("/organisations", url.Values{"name": {name}, "type": {"school"}, "parent_id": {itoa(f.org.ID)},
		"region_code": {"kz-75"}, "locale": {"kk"}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/organisations/") {
		t.Fatalf("create: %d %s %s", r.status, r.location, r.body)
	}
	for _, path := range []string{"/organisations", r.location, "/organisations?parent=" + itoa(f.org.ID)} {
		page := c.get(path)
		if page.status != http.StatusOK || !strings.Contains(page.body, "&lt;script&gt;alert(1)&lt;/script&gt;") ||
			strings.Contains(page.body, "<script>alert") {
			t.Errorf("%s: %d, name not escaped", path, page.status)
		}
	}
	page := c.get(r.location)
	for _, want := range []string{"School", "Almaty", "Almaty Foundation", "Қазақша", `action="` + r.location + `"`} {
		if !strings.Contains(page.body, want) {
			t.Errorf("organisation page lacks %q", want)
		}
	}
	list := c.get("/organisations?type=school&region=KZ-75")
	if !strings.Contains(list.body, "&lt;script&gt;") || strings.Contains(list.body, ">Almaty Foundation</bdi></a></th>") {
		t.Error("filters do not filter")
	}
}

func TestOrganisationFormErrorsAndEdit(t *testing.T) {
	f := newFixture(t)
	c := f.login(t, "admin@example.org")
	r := c.post("/organisations", url.Values{"name": {"  "}, "type": {"army"}, "region_code": {"XX-1"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("invalid create: %d", r.status)
	}
	for _, want := range []string{`id="name-error"`, `id="type-error"`, `value="XX-1"`, `role="alert"`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("invalid create lacks %q", want)
		}
	}
	path := "/organisations/" + itoa(f.org.ID)
	r = c.post(path, url.Values{"name": {"Almaty Fund"}, "type": {"charity"}, "region_code": {"KZ-75"}, "active": {"on"}})
	if r.status != http.StatusSeeOther || r.location != path {
		t.Fatalf("edit: %d %s", r.status, r.body)
	}
	if page := c.get(path); !strings.Contains(page.body, "Almaty Fund") || !strings.Contains(page.body, "Charity") || !strings.Contains(page.body, "Saved.") {
		t.Error("edit not shown")
	}
	coord := f.login(t, "coord@example.org")
	if page := coord.get(path); page.status != http.StatusOK || !strings.Contains(page.body, `action="`+path+`"`) {
		t.Errorf("coordinator cannot edit their own organisation: %d", page.status)
	}
	if r := coord.post(path, url.Values{"name": {"Moved"}, "type": {"charity"}, "region_code": {"KZ-71"}}); r.status == http.StatusSeeOther {
		t.Error("coordinator moved their organisation out of their region")
	}
}

func TestCoordinatorSeesOnlyTheirSubtree(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	child := must(f.svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "School 12", Type: orgs.School, ParentID: f.org.ID, RegionCode: "KZ-75"}))
	must(f.svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Tehran Charity", Type: orgs.Charity, RegionCode: "IR-23"}))
	c := f.login(t, "coord@example.org")
	list := c.get("/organisations")
	if !strings.Contains(list.body, "School 12") || strings.Contains(list.body, "Tehran Charity") {
		t.Fatal("the coordinator's list is not their subtree")
	}
	page := c.get("/organisations/" + itoa(child.ID))
	if !strings.Contains(page.body, `<a href="/organisations/`+itoa(f.org.ID)+`"><bdi>Almaty Foundation</bdi></a>`) {
		t.Error("no breadcrumb to the parent")
	}
	form := c.get("/organisations/new")
	if !strings.Contains(form.body, `<option value="`+itoa(f.org.ID)+`" selected`) || strings.Contains(form.body, `<option value="" selected dir="auto">None (top level)`) {
		t.Error("a coordinator's new organisation does not default to their own as its parent")
	}
	r := c.post("/organisations", url.Values{"name": {"School 15"}, "type": {"school"}, "parent_id": {itoa(f.org.ID)}, "region_code": {"KZ-75"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("coordinator creates a school: %d", r.status)
	}
	if r := c.get("/organisations?parent=" + itoa(f.org.ID)); !strings.Contains(r.body, "School 12") || !strings.Contains(r.body, "Organisations under Almaty Foundation") {
		t.Error("children of the foundation not listed")
	}
}
