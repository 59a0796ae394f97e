package registry_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
)

// TestPhotoUploadKeepsNothingInTheSystemTemp sends a photo over the size
// limit, which an upload does not keep in memory, with the system's
// temporary folder pointed where no file can be made: the photo is still
// read (and refused for its size, not as missing), and the data directory
// holds nothing of it after the request.
func TestPhotoUploadKeepsNothingInTheSystemTemp(t *testing.T) {
	f := newFixture(t)
	p := f.Child(t, "Ахметова", "Мадина", day(2015, 3, 10), "")
	must(f.Svc.People.GiveConsent(context.Background(), access.System, p.ID,
		people.ConsentInput{Purpose: people.Photos, Method: people.OnPaper, GivenByName: "Ахметова Айгуль"}))
	c := f.Login(t, "coord@example.org")
	data := t.TempDir()
	f.Svc.Imports.TempDir = data
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "no-such-folder"))

	big := append(picture(t, pngOf), make([]byte, people.MaxPhoto)...)
	r := uploadPhoto(c, "/people/"+itoa(p.ID)+"/photo", big)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "The photo is larger than 1,024 KB.") {
		t.Errorf("a photo too large: %d", r.Status)
	}
	if left, _ := os.ReadDir(data); len(left) != 0 {
		t.Errorf("the data directory keeps %d files after the upload, first %s", len(left), left[0].Name())
	}
}
