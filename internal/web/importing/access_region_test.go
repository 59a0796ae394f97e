package importing_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/jolproject/jol/internal/store"
)

// The access log's entries of an upload's preview, of a run's rejected
// rows and of their download carry the place of the upload's
// organisation, as every entry about children's data does, so that an
// auditor scoped to a region reads them.
func TestImportViewsAreLoggedWithTheirPlace(t *testing.T) {
	f := newFixture(t)
	coord := f.Login(t, "coord@example.org")
	work(t, f)
	list := "Фамилия;Имя;Дата рождения;Пол\nКим;Ольга;31.02.2015;Ж\n"
	up := uploadList(coord, url.Values{"org": {itoa(f.Org.ID)}}, "список.csv", []byte(list))
	if r := coord.Get(up.Location); r.Status != http.StatusOK {
		t.Fatalf("preview: %d", r.Status)
	}
	dry := coord.Post(up.Location+"/runs", url.Values{"mode": {"dry"}})
	if dry.Status != http.StatusSeeOther {
		t.Fatalf("dry run: %d %s", dry.Status, dry.Body)
	}
	finished(coord, dry.Location)
	if r := coord.Get(dry.Location + "/errors.csv"); r.Status != http.StatusOK {
		t.Fatalf("download: %d", r.Status)
	}
	if f.Org.RegionPath == "" {
		t.Fatal("the organisation has no place")
	}
	q := store.Rebind(f.DB.Engine, "SELECT subject_kind, via, region_path FROM access_log WHERE subject_kind LIKE 'import%' ORDER BY id")
	rows := must(f.DB.R.Query(q))
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() {
		var kind, via, place string
		check(t, rows.Scan(&kind, &via, &place))
		if place != f.Org.RegionPath {
			t.Errorf("%s via %s logged at %q, want %q", kind, via, place, f.Org.RegionPath)
		}
		seen[kind+" "+via] = true
	}
	check(t, rows.Err())
	for _, want := range []string{"import_upload web", "import_run web", "import_run export"} {
		if !seen[want] {
			t.Errorf("no entry %s in the access log: %v", want, seen)
		}
	}
	var place string
	check(t, f.DB.R.QueryRow(store.Rebind(f.DB.Engine,
		"SELECT region_path FROM audit_log WHERE entity = 'import_upload' AND action = 'dry_run'")).Scan(&place))
	if place != f.Org.RegionPath {
		t.Errorf("the change log's entry of the dry run is at %q, want %q", place, f.Org.RegionPath)
	}
}
