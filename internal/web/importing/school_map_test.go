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

// A school mapped to an organisation is shown apart, as mapped, with the
// organisation chosen and an undo; the help that rows will be refused
// counts only the schools left unmapped, and goes when none is. Undo
// refuses that school's rows again and leaves the other's mapped.
func TestMappedSchoolsAreShownAsMappedWithAnUndo(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	school := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Лицей имени Абая №2", Type: orgs.School,
		ParentID: f.Org.ID, RegionCode: f.Org.RegionCode}))
	coord := f.Login(t, "coord@example.org")
	up := uploadList(coord, url.Values{"org": {itoa(f.Org.ID)}}, "школы.csv", []byte(schoolsList))
	refused := func(section string) (string, string) {
		_, r, _ := strings.Cut(section, `id="schools-refused"`)
		r, _, _ = strings.Cut(r, "</table>")
		_, m, _ := strings.Cut(section, `id="schools-mapped"`)
		m, _, _ = strings.Cut(m, "</table>")
		return r, m
	}
	map1 := func(lyceum, gymnasium string) {
		t.Helper()
		res := coord.Post(up.Location+"/schools", url.Values{"template": {""}, "shown_template": {""},
			"name": {"Лицей №2", "Гимназия №9"}, "to": {lyceum, gymnasium}})
		if res.Status != http.StatusSeeOther {
			t.Fatalf("map: %d %s", res.Status, res.Body)
		}
	}
	map1(itoa(school.ID), "leave")
	section := schoolsSection(coord.Get(up.Location).Body)
	r, m := refused(section)
	if !strings.Contains(r, "Гимназия №9") || strings.Contains(r, "Лицей №2") || !strings.Contains(section, "The list names 1 school") {
		t.Fatalf("the schools whose rows will be refused: %s", section)
	}
	if !strings.Contains(m, "Лицей №2") || strings.Contains(m, "Гимназия №9") ||
		!strings.Contains(m, `<option value="`+itoa(school.ID)+`" selected>`) || !strings.Contains(m, `name="undo" value="Лицей №2"`) {
		t.Fatalf("the mapped school: %s", section)
	}

	map1(itoa(school.ID), itoa(f.Org.ID))
	section = schoolsSection(coord.Get(up.Location).Body)
	if r, m := refused(section); r != "" || strings.Contains(section, "will be refused until") || strings.Count(m, `name="undo"`) != 2 {
		t.Fatalf("every school mapped: %s", section)
	}

	res := coord.Post(up.Location+"/schools", url.Values{"template": {""}, "shown_template": {""}, "undo": {"Лицей №2"},
		"name": {"Лицей №2", "Гимназия №9"}, "to": {itoa(school.ID), itoa(f.Org.ID)}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("undo: %d %s", res.Status, res.Body)
	}
	page := coord.Get(up.Location).Body
	r, m = refused(schoolsSection(page))
	if !strings.Contains(r, "Лицей №2") || strings.Contains(m, "Лицей №2") || !strings.Contains(m, "Гимназия №9") ||
		!strings.Contains(page, "no longer sent to an organisation") {
		t.Fatalf("after undoing Лицей №2: %s", schoolsSection(page))
	}
}
