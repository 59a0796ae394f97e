package importing_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/tabular"
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

// TestImportsOfTheFixtureKeepNothingInTheSystemTemp uploads a workbook
// large enough for its sheet to be unpacked to a temporary file, with
// rejected rows, and runs an import of it, with the system's
// temporary folder pointed at a path where no file can be made: the
// fixture's imports keep their temporary files in a folder of their own,
// as a server's do in its data directory, so all of it succeeds.
func TestImportsOfTheFixtureKeepNothingInTheSystemTemp(t *testing.T) {
	f := newFixture(t)
	op := f.Login(t, "coord@example.org")
	work(t, f)
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "no-such-folder"))

	var b bytes.Buffer
	// A column left out, with long cells, makes the sheet larger than
	// excelize keeps in memory.
	header := []string{"Фамилия", "Имя", "Дата рождения", "Пол", "Область", "Примечание"}
	rows := func(yield func([]string) bool) {
		for i := 1; i <= 250; i++ {
			date := "12.02.2013"
			if i%50 == 0 {
				date = "31.02.2013" // rejected: its reasons are kept in a temporary file until saved
			}
			if !yield([]string{fmt.Sprintf("Иванов-%d", i), "Иван", date, "М", "Алматы", strings.Repeat("ұлы", 900)}) {
				return
			}
		}
	}
	check(t, tabular.WriteXLSX(&b, "list", header, rows, false))
	up := uploadList(op, url.Values{"org": {itoa(f.Org.ID)}}, "список.xlsx", b.Bytes())
	if up.Status != http.StatusSeeOther || !strings.HasPrefix(up.Location, "/imports/") {
		t.Fatalf("upload: %d %s", up.Status, up.Body)
	}
	if r := op.Get(up.Location); r.Status != http.StatusOK {
		t.Fatalf("preview: %d", r.Status)
	}
	for _, mode := range []string{"import"} {
		r := op.Post(up.Location+"/runs", url.Values{"mode": {mode}})
		if r.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d %s", mode, r.Status, r.Body)
		}
		if body := finished(op, r.Location); !strings.Contains(body, "rejected 5.") {
			t.Fatalf("%s: %s", mode, body)
		}
	}
}
