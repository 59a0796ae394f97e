package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/tabular"
)

// schoolList is a school's list in Russian with one impossible date.
const schoolList = "Фамилия;Имя;Дата рождения;Пол;ИИН;Область\n" +
	"Ахметова;Мадина;12.02.2013;Ж;130212600018;г. Алматы\n" +
	"Сейітқали;Айбек;31.02.2015;М;;Алматы\n" +
	"Ким;Ольга;03.06.2013;ж;;Алматы\n"

func TestImportPeopleCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "jol.db")
	list := filepath.Join(dir, "список.csv")
	if err := os.WriteFile(list, []byte(schoolList), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "a long enough secret\n", nil, "user", "add", "--db", db,
		"--email", "root@example.org", "--name", "Root", "--role", "admin"); code != exitOK {
		t.Fatal(stderr)
	}
	a, err := openApp(t.Context(), db, newLogger(testLog(t)))
	if err != nil {
		t.Fatal(err)
	}
	org := mustOrg(t, a)
	a.Close()
	orgFlag := strconv.FormatInt(org, 10)
	code, out, stderr := runCLI(t, "", nil, "import", "people", "--db", db, "--org", orgFlag, "--dry-run", list)
	if code != exitOK || strings.TrimSpace(out) != "read 3, created 2, updated 0, unchanged 0, rejected 1" {
		t.Fatalf("dry run: exit %d, %q, %q", code, out, stderr)
	}
	errs := filepath.Join(dir, "rejected.xlsx")
	code, out, stderr = runCLI(t, "", map[string]string{"JOL_LANG": "ru"}, "import", "people", "--db", db, "--org", orgFlag, "--errors", errs, list)
	if code != exitOK || strings.TrimSpace(out) != "read 3, created 2, updated 0, unchanged 0, rejected 1" {
		t.Fatalf("import: exit %d, %q, %q", code, out, stderr)
	}
	if !strings.Contains(stderr, "line 3, birth_date \"31.02.2015\": Такой даты не существует.") {
		t.Fatalf("rejected row not shown in Russian: %q", stderr)
	}
	b, err := os.ReadFile(errs)
	if err != nil {
		t.Fatal(err)
	}
	rd, err := tabular.Open(errs, bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("the errors workbook does not open: %v", err)
	}
	row, err := rd.Next()
	if err != nil || len(row.Cells) < 4 || row.Cells[0] != "3" || row.Cells[2] != "31.02.2015" {
		t.Fatalf("errors workbook row: %+v, %v", row, err)
	}
	rd.Close()
	code, out, _ = runCLI(t, "", nil, "import", "people", "--db", db, "--org", orgFlag, "--strict", list)
	if code != exitError || strings.TrimSpace(out) != "read 3, created 0, updated 0, unchanged 2, rejected 1" {
		t.Fatalf("strict re-import: exit %d, %q", code, out)
	}
	// A crash left its temporary files beside the database: the next import
	// removes them, and its own.
	crashed := filepath.Join(dir, "tmp", "jol-1234")
	if err := os.MkdirAll(crashed, 0o700); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(crashed, ".lock"), nil, 0o600)
	os.WriteFile(filepath.Join(crashed, "rejects-1.jsonl"), []byte(schoolList), 0o600)
	long := filepath.Join(dir, "long.csv")
	os.WriteFile(long, []byte("Фамилия;Имя\nИванов;"+strings.Repeat("я", 40_000)+"\n"), 0o600)
	code, _, stderr = runCLI(t, "", map[string]string{"JOL_LANG": "ru"}, "import", "people", "--db", db, "--org", orgFlag, long)
	if code == exitOK || !strings.Contains(stderr, "Строка 2: в ячейке больше") {
		t.Fatalf("a cell beyond the cap: exit %d, %q", code, stderr)
	}
	if left, _ := os.ReadDir(filepath.Join(dir, "tmp")); len(left) > 0 {
		t.Fatalf("temporary files left beside the database: %v", left)
	}
	if code, _, stderr := runCLI(t, "", nil, "import", "people", "--db", db, "--org", orgFlag, filepath.Join(dir, "missing.csv")); code == exitOK {
		t.Fatalf("missing file: exit 0 (%q)", stderr)
	}
	empty := filepath.Join(dir, "empty.csv")
	os.WriteFile(empty, nil, 0o600)
	if code, _, stderr := runCLI(t, "", nil, "import", "people", "--db", db, "--org", orgFlag, empty); code == exitOK || !strings.Contains(stderr, "empty") {
		t.Fatalf("empty file: exit %d, %q", code, stderr)
	}
}

// mustOrg creates a school in Almaty and returns its id.
func mustOrg(t *testing.T, a *app) int64 {
	t.Helper()
	o, err := a.Orgs.Create(t.Context(), systemPrincipal, orgInput("Гимназия №159"))
	if err != nil {
		t.Fatal(err)
	}
	return o.ID
}

var systemPrincipal = access.System

func orgInput(name string) orgs.Input {
	return orgs.Input{Name: name, Type: orgs.School, RegionCode: "KZ-75"}
}

func TestImportNamesItsTargets(t *testing.T) {
	code, out, _ := runCLI(t, "", nil, "import", "--help")
	if code != exitOK || !strings.Contains(out, "people      last_name*, first_name*, patronymic") ||
		!strings.Contains(out, "school-list last_name*") || !strings.Contains(out, "categories, item, size, note") ||
		!strings.Contains(out, "regions") {
		t.Fatalf("jol import --help: exit %d, %q", code, out)
	}
	db := filepath.Join(t.TempDir(), "jol.db")
	code, _, stderr := runCLI(t, "", nil, "import", "pets", "--db", db, "--org", "1", "pets.csv")
	if code != exitUsage || !strings.Contains(stderr, `unknown list "pets"`) || !strings.Contains(stderr, "people") {
		t.Fatalf("an unknown target: exit %d, %q", code, stderr)
	}
	if code, _, _ := runCLI(t, "", nil, "import"); code != exitUsage {
		t.Fatalf("jol import alone: exit %d", code)
	}
}

// --bulk into an empty registry loads the list (the indexes dropped and
// built again) and counts as the batch-by-batch import does; the same
// list again, with --keep-indexes, finds everything unchanged.
func TestImportBulkLoadsAnEmptyRegistry(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "jol.db")
	list := filepath.Join(dir, "список.csv")
	if err := os.WriteFile(list, []byte(schoolList+"Ахметова;Мадина;12.02.2013;Ж;130212600018;г. Алматы\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	a, err := openApp(t.Context(), db, newLogger(testLog(t)))
	if err != nil {
		t.Fatal(err)
	}
	orgFlag := strconv.FormatInt(mustOrg(t, a), 10)
	indexes := func() string {
		var n int
		if err := a.db.R.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'index'
AND tbl_name IN ('persons', 'households', 'household_members', 'person_categories')`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return strconv.Itoa(n)
	}
	before := indexes()
	code, out, stderr := runCLI(t, "", nil, "import", "people", "--db", db, "--org", orgFlag, "--bulk", list)
	if code != exitOK || strings.TrimSpace(out) != "read 4, created 2, updated 0, unchanged 1, rejected 1" {
		t.Fatalf("bulk: exit %d, %q, %q", code, out, stderr)
	}
	if after := indexes(); after != before || before == "0" {
		t.Fatalf("indexes: %s after the load, %s before", after, before)
	}
	code, out, stderr = runCLI(t, "", nil, "import", "people", "--db", db, "--org", orgFlag, "--bulk", "--keep-indexes", list)
	if code != exitOK || strings.TrimSpace(out) != "read 4, created 0, updated 0, unchanged 3, rejected 1" {
		t.Fatalf("again: exit %d, %q, %q", code, out, stderr)
	}
	a.Close()
}
