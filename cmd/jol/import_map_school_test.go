package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// --map-school sends the rows naming a school not registered to an
// organisation: the dry run refuses none of them and creates no school;
// a mapping to an organisation that does not exist is refused.
func TestImportMapsUnknownSchools(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "jol.db")
	list := filepath.Join(dir, "школы.csv")
	body := "Фамилия;Имя;Дата рождения;Пол;Школа\n" +
		"Ахметова;Мадина;12.02.2013;Ж;Лицей №2\n" +
		"Ахметов;Тимур;14.04.2018;М;лицей  №2\n" +
		"Ким;Ольга;03.06.2013;Ж;Гимназия №9\n"
	if err := os.WriteFile(list, []byte(body), 0o600); err != nil {
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
	org := strconv.FormatInt(mustOrg(t, a), 10)
	a.Close()
	code, out, stderr := runCLI(t, "", nil, "import", "people", "--db", db, "--org", org, "--dry-run",
		"--map-school", "Лицей №2="+org, list)
	if code != exitOK || strings.TrimSpace(out) != "read 3, created 2, updated 0, unchanged 0, rejected 1" ||
		!strings.Contains(stderr, "1 schools named in the list are not registered (1 rows will be refused)") {
		t.Fatalf("one school mapped: exit %d, %q, %q", code, out, stderr)
	}
	code, out, stderr = runCLI(t, "", nil, "import", "people", "--db", db, "--org", org, "--create-schools",
		"--map-school", "Лицей №2="+org, "--map-school", "Гимназия №9="+org, list)
	if code != exitOK || strings.TrimSpace(out) != "read 3, created 3, updated 0, unchanged 0, rejected 0" ||
		strings.Contains(stderr, "registered") {
		t.Fatalf("both mapped: exit %d, %q, %q", code, out, stderr)
	}
	code, out, stderr = runCLI(t, "", nil, "import", "people", "--db", db, "--org", org, "--dry-run",
		"--map-school", "Лицей №2=999999", list)
	if code == exitOK || out != "" {
		t.Fatalf("mapped to no organisation: exit %d, %q, %q", code, out, stderr)
	}
	if code, _, _ := runCLI(t, "", nil, "import", "people", "--db", db, "--org", org, "--map-school", "Лицей №2", list); code == exitOK {
		t.Fatal("--map-school without an organisation is accepted")
	}
}
