package admin_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRegionImportKeepsNothingInTheSystemTemp imports a file larger than
// what an upload keeps in memory with the system's temporary folder
// pointed where no file can be made: the file waits in the data
// directory, which holds nothing of it after the request.
func TestRegionImportKeepsNothingInTheSystemTemp(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "admin@example.org")
	data := t.TempDir()
	f.Svc.Imports.TempDir = data
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "no-such-folder"))

	padded := "code,parent_code,type,name_en\nKZ-75-09,KZ-75,district,Padded\n" + strings.Repeat("\n", 2<<20)
	r := c.Upload("/admin/regions/import", "padded.csv", []byte(padded))
	if r.Status != http.StatusOK {
		t.Fatalf("2 MiB region import: %d", r.Status)
	}
	if page := c.Get("/regions?parent=KZ-75"); !strings.Contains(page.Body, "Padded") {
		t.Error("the region of the file was not imported")
	}
	if left, _ := os.ReadDir(data); len(left) != 0 {
		t.Errorf("the data directory keeps %d files after the import, first %s", len(left), left[0].Name())
	}
}
