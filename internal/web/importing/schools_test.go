package importing_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
)

// schoolsList names two schools the fixture does not know.
const schoolsList = "Фамилия;Имя;Дата рождения;Пол;Школа\n" +
	"Ахметова;Мадина;12.02.2013;Ж;Лицей №2\n" +
	"Ахметов;Тимур;14.04.2018;М;Лицей №2\n" +
	"Ким;Ольга;03.06.2013;Ж;Гимназия №9\n"

// Every role that uploads lists sees the unknown schools once with their
// rows; only a coordinator or an administrator is offered to create them,
// and the others are told to ask; a post of theirs is refused.
func TestUnknownSchoolsOnThePreviewByRole(t *testing.T) {
	f := newFixture(t)
	org := itoa(f.Org.ID)
	for _, r := range []access.Role{access.Operator, access.SchoolStaff, access.Outreach, access.Coordinator, access.Admin} {
		var c *client
		switch r {
		case access.Admin:
			c = f.Login(t, "admin@example.org")
		case access.Coordinator:
			c = f.Login(t, "coord@example.org")
		default:
			c = f.User(t, string(r)+"@example.org", r, "en")
		}
		up := uploadList(c, url.Values{"org": {org}}, "школы.csv", []byte(schoolsList))
		if up.Status != http.StatusSeeOther {
			t.Fatalf("%s uploads: %d", r, up.Status)
		}
		page := c.Get(up.Location)
		may := r == access.Coordinator || r == access.Admin
		for want, shown := range map[string]bool{"Schools not registered": true, "Лицей №2": true,
			`value="create"`: may, "ask your coordinator": !may} {
			if strings.Contains(page.Body, want) != shown {
				t.Errorf("%s: the preview shows %q: %v", r, want, !shown)
			}
		}
		if may {
			continue
		}
		if res := c.Post(up.Location+"/schools", url.Values{"school": {"Лицей №2"}}); res.Status != http.StatusForbidden {
			t.Errorf("%s creates a school: %d", r, res.Status)
		}
	}
	coord := f.Login(t, "coord@example.org")
	up := uploadList(coord, url.Values{"org": {org}}, "школы.csv", []byte(schoolsList))
	res := coord.Post(up.Location+"/schools", url.Values{"template": {""}, "shown_template": {""}, "school": {"Лицей №2"}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("create: %d %s", res.Status, res.Body)
	}
	os, _, err := f.Svc.Orgs.List(context.Background(), access.System, orgs.Filter{}, store.Page{Limit: 100})
	check(t, err)
	var names []string
	for _, o := range os {
		if o.ParentID == f.Org.ID && o.Type == orgs.School {
			names = append(names, o.Name)
		}
	}
	if len(names) != 1 || names[0] != "Лицей №2" {
		t.Fatalf("schools under the organisation: %q", names)
	}
	page := coord.Get(up.Location).Body
	_, section, _ := strings.Cut(page, `id="schools-title"`)
	section, _, _ = strings.Cut(section, "</section>")
	if strings.Contains(section, `value="Лицей №2"`) || !strings.Contains(section, `value="Гимназия №9"`) {
		t.Fatalf("the unknown schools after creating one: %s", section)
	}
}
