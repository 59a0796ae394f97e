package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A list naming schools not registered: without --create-schools its rows
// are refused and the schools named; with it, they are registered under
// --org and every row imports.
func TestImportCreatesUnknownSchools(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "jol.db")
	list := filepath.Join(dir, "школы.csv")
	body := "Фамилия;Имя;Дата рождения;Пол;Школа\n" +
		"Ахметова;Мадина;12.02.2013;Ж;Лицей №2\n" +
		"Ахметов;Тимур;14.04.2018;М;Лицей №2\n" +
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
	code, out, stderr := runCLI(t, "", nil, "import", "people", "--db", db, "--org", org, "--dry-run", "--create-schools", list)
	if code != exitOK || strings.TrimSpace(out) != "read 3, created 0, updated 0, unchanged 0, rejected 3" ||
		!strings.Contains(stderr, "2 schools named in the list are not registered (3 rows will be refused)") {
		t.Fatalf("dry run: exit %d, %q, %q", code, out, stderr)
	}
	code, out, stderr = runCLI(t, "", nil, "import", "people", "--db", db, "--org", org, "--create-schools", list)
	if code != exitOK || strings.TrimSpace(out) != "read 3, created 3, updated 0, unchanged 0, rejected 0" ||
		!strings.Contains(stderr, "registered 2 schools under organisation "+org) {
		t.Fatalf("import: exit %d, %q, %q", code, out, stderr)
	}
}
