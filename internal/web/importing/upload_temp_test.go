package importing_test

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUploadKeepsNothingInTheSystemTemp uploads a list larger than what an
// upload keeps in memory. Its file must wait in the data directory, never
// in the system's temporary folder: that folder is pointed at a path
// where no file can be made, so any spill there fails the upload; and
// after the request the data directory holds nothing of it.
func TestUploadKeepsNothingInTheSystemTemp(t *testing.T) {
	f := newFixture(t)
	op := f.Login(t, "coord@example.org")
	data := t.TempDir()
	f.Svc.Imports.TempDir = data
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "no-such-folder"))

	row := "Ахметова;Мадина;12.02.2013;Ж;130212600018;г. Алматы;7\n"
	list := schoolList + strings.Repeat(row, (2<<20)/len(row)) // 2 MiB, over kit.UploadMemory
	r := uploadList(op, url.Values{"org": {itoa(f.Org.ID)}}, "список.csv", []byte(list))
	if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location, "/imports/") {
		t.Fatalf("upload of 2 MiB: %d %s", r.Status, r.Body)
	}
	if left := must(os.ReadDir(data)); len(left) != 0 {
		t.Errorf("the data directory keeps %d files after the upload, first %s", len(left), left[0].Name())
	}
}
