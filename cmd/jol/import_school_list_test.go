package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/requests/requeststest"
)

// A school's list from the command line: --campaign is required; the dry
// run and the import count alike; the same file again only links.
func TestImportSchoolListCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "jol.db")
	list := filepath.Join(dir, "pupils.csv")
	body := "last name,first name,birth date,item,size\n" +
		"Ахметова,Мадина,12.02.2017,test_uniform,M\n" +
		"Ким,Ольга,03.06.2017,laptop,\n" +
		"Оспанов,Ерлан,05.03.2017,,\n"
	if err := os.WriteFile(list, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	a, err := openApp(t.Context(), db, newLogger(testLog(t)))
	if err != nil {
		t.Fatal(err)
	}
	org := mustOrg(t, a)
	c := requeststest.Open(t, a.db, a.now(), "road", org, "/"+strconv.FormatInt(org, 10)+"/", "KZ-75")
	a.Close()
	args := []string{"import", "school-list", "--db", db, "--org", strconv.FormatInt(org, 10)}
	if code, _, stderr := runCLI(t, "", nil, append(args, list)...); code == exitOK || !strings.Contains(stderr, "--campaign") {
		t.Fatalf("no --campaign: exit %d, %q", code, stderr)
	}
	args = append(args, "--campaign", strconv.FormatInt(c.ID, 10))
	const want = "read 3, created 2, updated 0, unchanged 0, rejected 1"
	code, out, stderr := runCLI(t, "", nil, append(args, "--dry-run", list)...)
	if code != exitOK || !strings.HasPrefix(out, want+"\n") {
		t.Fatalf("dry run: exit %d, %q, %q", code, out, stderr)
	}
	code, out, stderr = runCLI(t, "", map[string]string{"JOL_LANG": "ru"}, append(args, list)...)
	if code != exitOK || !strings.HasPrefix(out, want+"\n") || !strings.Contains(out, "2 детей зарегистрировано с новой заявкой") {
		t.Fatalf("import: exit %d, %q, %q", code, out, stderr)
	}
	if !strings.Contains(stderr, "line 3, item \"laptop\": Эта кампания не предлагает этот предмет.") {
		t.Fatalf("the refused item is not shown in Russian: %q", stderr)
	}
	code, out, _ = runCLI(t, "", nil, append(args, list)...)
	if code != exitOK || !strings.HasPrefix(out, "read 3, created 0, updated 0, unchanged 2, rejected 1\n") {
		t.Fatalf("the same list again: exit %d, %q", code, out)
	}
}
