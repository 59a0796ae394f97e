package main

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/jolproject/jol/internal/dedupe"
)

// TestImportQueuesDuplicateScan checks that an import on the command
// line that wrote rows queues a duplicate scan, as one from the web
// does, and that a dry run or an import that changed nothing does not.
func TestImportQueuesDuplicateScan(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "jol.db")
	list := filepath.Join(dir, "list.csv")
	if err := os.WriteFile(list, []byte(schoolList), 0o600); err != nil {
		t.Fatal(err)
	}
	a, err := openApp(t.Context(), db, newLogger(testLog(t)))
	if err != nil {
		t.Fatal(err)
	}
	org := strconv.FormatInt(mustOrg(t, a), 10)
	a.Close()
	scans := func() int {
		t.Helper()
		a, err := openApp(t.Context(), db, newLogger(testLog(t)))
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		var n int
		if err := a.db.R.QueryRowContext(t.Context(), `SELECT count(*) FROM jobs WHERE kind = '`+dedupe.JobKind+
			`' AND payload LIKE '%"`+dedupe.ByImport+`"%'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, step := range []struct {
		name  string
		args  []string
		scans int
	}{
		{"dry run", []string{"--dry-run"}, 0},
		{"import", nil, 1},
		{"the same list again, nothing changed", nil, 1},
	} {
		args := append([]string{"import", "people", "--db", db, "--org", org}, step.args...)
		if code, out, stderr := runCLI(t, "", nil, append(args, list)...); code != exitOK {
			t.Fatalf("%s: exit %d, %q, %q", step.name, code, out, stderr)
		}
		if got := scans(); got != step.scans {
			t.Errorf("%s: %d duplicate scans queued after an import, want %d", step.name, got, step.scans)
		}
	}
}
