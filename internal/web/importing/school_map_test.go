package importing_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
)

// A coordinator maps the unknown schools of a list to a school of theirs,
// offered first for the name most like it: the preview then shows the
// choice and the dry run refuses none of the rows. A mapping to an
// organisation outside their scope is refused and not saved.
func TestUnknownSchoolsMappedToAnOrganisation(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	school := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Лицей имени Абая №2", Type: orgs.School,
		ParentID: f.Org.ID, RegionCode: f.Org.RegionCode}))
	away := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Faraway Trust", Type: orgs.Foundation,
		RegionCode: "KZ-75"}))
	coord := f.Login(t, "coord@example.org")
	up := uploadList(coord, url.Values{"org": {itoa(f.Org.ID)}}, "школы.csv", []byte(schoolsList))
	section := schoolsSection(coord.Get(up.Location).Body)
	first := `<option value="` + itoa(school.ID) + `"`
	if _, lyceum, _ := strings.Cut(section, "Лицей №2"); !strings.Contains(lyceum, first) ||
		strings.Index(lyceum, first) > strings.Index(lyceum, `<option value="`+itoa(f.Org.ID)+`"`) ||
		strings.Contains(section, "Faraway Trust") {
		t.Fatalf("the choices for Лицей №2: %s", section)
	}
	post := func(to ...string) response {
		return coord.Post(up.Location+"/schools", url.Values{"template": {""}, "shown_template": {""},
			"name": {"Лицей №2", "Гимназия №9"}, "to": to})
	}
	if res := post(itoa(away.ID), "leave"); res.Status == http.StatusSeeOther {
		t.Fatal("a school is mapped to an organisation outside the coordinator's scope")
	}
	id := must(strconv.ParseInt(up.Location[strings.LastIndex(up.Location, "/")+1:], 10, 64))
	if sm := must(f.Svc.Imports.SchoolMap(ctx, id)); len(sm) != 0 {
		t.Fatalf("a refused mapping is saved: %v", sm)
	}
	if res := post(itoa(school.ID), itoa(school.ID)); res.Status != http.StatusSeeOther {
		t.Fatalf("map: %d %s", res.Status, res.Body)
	}
	if section := schoolsSection(coord.Get(up.Location).Body); strings.Count(section, first+" selected>") != 2 {
		t.Fatalf("the mapping is not shown: %s", section)
	}
	dry := coord.Post(up.Location+"/runs", url.Values{"mode": {"dry"}})
	if dry.Status != http.StatusSeeOther {
		t.Fatalf("dry run: %d %s", dry.Status, dry.Body)
	}
	work(t, f)
	if body := finished(coord, dry.Location); !strings.Contains(body, "rejected 0.") {
		t.Fatalf("dry run after mapping: %s", body)
	}
}

// schoolsSection is the unknown schools' card of a preview.
func schoolsSection(page string) string {
	_, section, _ := strings.Cut(page, `id="schools-title"`)
	section, _, _ = strings.Cut(section, "</section>")
	return section
}
