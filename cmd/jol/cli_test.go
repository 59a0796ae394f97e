package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// runCLI runs one command line in-process and returns its exit code and
// output. vars are extra environment variables.
func runCLI(t *testing.T, stdin string, vars map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := env{getenv: func(k string) string { return vars[k] }, stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut}
	code := run(context.Background(), args, e)
	return code, out.String(), errOut.String()
}

func TestEveryCommandHasHelp(t *testing.T) {
	for _, c := range commands() {
		args := []string{c.name, "--help"}
		switch c.name {
		case "user":
			args = []string{"user", "add", "--help"}
		case "token":
			args = []string{"token", "create", "--help"}
		case "import":
			args = []string{"import", "regions", "--help"}
		case "stock":
			args = []string{"stock", "verify", "--help"}
		case "version":
			continue
		}
		code, _, stderr := runCLI(t, "", nil, args...)
		if code != exitOK || !strings.Contains(stderr, "Usage: jol "+c.name) {
			t.Errorf("%v: exit %d, help %q", args, code, stderr)
		}
	}
	if code, _, _ := runCLI(t, "", nil, "frobnicate"); code != exitUsage {
		t.Errorf("unknown command: exit %d, want %d", code, exitUsage)
	}
}

func TestMigrateReportsVersionAndReadsEnv(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	code, out, stderr := runCLI(t, "", map[string]string{"JOL_DB": db}, "migrate")
	if code != exitOK || !strings.HasPrefix(out, "schema version ") || !strings.Contains(out, "(was 0, sqlite)") {
		t.Fatalf("migrate: exit %d, out %q, err %q", code, out, stderr)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("JOL_DB was not used: %v", err)
	}
}

func TestUnopenableDatabaseGivesAClearExit(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(notDB, bytes.Repeat([]byte("not a database "), 100), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, dsn := range []string{notDB, filepath.Join(dir, "missing", "dir", "x.db"), "postgres://nobody@127.0.0.1:1/none?connect_timeout=2"} {
		code, _, stderr := runCLI(t, "", nil, "migrate", "--db", dsn)
		if code != exitDB || !strings.Contains(stderr, "cannot open database") || strings.Contains(stderr, "panic") {
			t.Errorf("%s: exit %d, stderr %q", dsn, code, stderr)
		}
	}
}

func TestUserAddAndTokenCreate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "jol.db")
	code, out, stderr := runCLI(t, "a long enough secret\n", nil, "user", "add", "--db", db,
		"--email", "Root@Example.org", "--name", "Root", "--role", "admin")
	if code != exitOK || !strings.Contains(out, "root@example.org (admin)") {
		t.Fatalf("user add: exit %d, out %q, err %q", code, out, stderr)
	}
	code, _, stderr = runCLI(t, "a long enough secret\n", nil, "user", "add", "--db", db,
		"--email", "root@example.org", "--name", "Again", "--role", "admin")
	if code != exitError || !strings.Contains(stderr, "email") {
		t.Fatalf("duplicate user: exit %d, err %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "", nil, "user", "add", "--db", db, "--email", "x@example.org", "--name", "X", "--role", "admin")
	if code != exitUsage || !strings.Contains(stderr, "standard input") {
		t.Fatalf("no password: exit %d, err %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "a long enough secret\n", map[string]string{"JOL_LANG": "ru"}, "user", "add", "--db", db,
		"--email", "y@example.org", "--name", "Y", "--role", "wizard")
	if code != exitError || !strings.Contains(stderr, "role") || !strings.ContainsAny(stderr, "абвгдеж") {
		t.Fatalf("bad role in Russian: exit %d, err %q", code, stderr)
	}
	code, out, _ = runCLI(t, "", nil, "token", "create", "--db", db, "--user", "root@example.org", "--name", "script")
	if code != exitOK || !strings.HasPrefix(out, "jol_") {
		t.Fatalf("token create: exit %d, out %q", code, out)
	}
}

func TestBackupIsAUsableDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "jol.db")
	if code, _, stderr := runCLI(t, "a long enough secret\n", nil, "user", "add", "--db", db,
		"--email", "root@example.org", "--name", "Root", "--role", "admin"); code != exitOK {
		t.Fatal(stderr)
	}
	backup := filepath.Join(dir, "copy.db")
	if code, _, stderr := runCLI(t, "", nil, "backup", "--db", db, backup); code != exitOK {
		t.Fatalf("backup: %s", stderr)
	}
	// The copy opens as a Jol database and holds the user.
	code, out, stderr := runCLI(t, "", nil, "token", "create", "--db", backup, "--user", "root@example.org", "--name", "from backup")
	if code != exitOK || !strings.HasPrefix(out, "jol_") {
		t.Fatalf("using the backup: exit %d, %q %q", code, out, stderr)
	}
	if code, _, _ := runCLI(t, "", nil, "backup", "--db", db, backup); code == exitOK {
		t.Fatal("backup overwrote an existing file")
	}
}

func TestImportRegionsPrintsSummaryAndRejections(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "jol.db")
	csv := filepath.Join(dir, "districts.csv")
	body := "code,parent_code,type,name_en,name_ru\nKZ-75-01,KZ-75,district,Almaly,Алмалинский район\nKZ-99-01,KZ-99,district,Nowhere,Нигде\n"
	if err := os.WriteFile(csv, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "", nil, "import", "regions", "--db", db, csv)
	if code != exitOK || !strings.Contains(out, "read 2, created 1, updated 0, unchanged 0, rejected 1") {
		t.Fatalf("import: exit %d, out %q, err %q", code, out, stderr)
	}
	if !strings.Contains(stderr, "districts.csv:3:") {
		t.Fatalf("rejected row not reported with its line: %q", stderr)
	}
	_, out, _ = runCLI(t, "", nil, "import", "regions", "--db", db, csv)
	if !strings.Contains(out, "created 0, updated 0, unchanged 1, rejected 1") {
		t.Fatalf("re-import: %q", out)
	}
}

func TestTrustedProxiesFlag(t *testing.T) {
	got, err := parsePrefixes(" 127.0.0.1, 10.0.0.0/8 ,::1")
	if err != nil || len(got) != 3 || got[0].String() != "127.0.0.1/32" || got[1].String() != "10.0.0.0/8" || got[2].String() != "::1/128" {
		t.Fatalf("parsePrefixes = %v, %v", got, err)
	}
	code, _, stderr := runCLI(t, "", nil, "serve", "--db", filepath.Join(t.TempDir(), "x.db"), "--trusted-proxies", "proxy.local")
	if code != exitUsage || !strings.Contains(stderr, "proxy.local") {
		t.Fatalf("bad proxy: exit %d, %q", code, stderr)
	}
}

func TestDatabaseThatCannotBeMigratedGivesAClearExit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other-app.db")
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	// Another application's table where Jol's first migration puts its own.
	if _, err := db.W.Exec("CREATE TABLE regions (id INTEGER PRIMARY KEY, note TEXT)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, _, stderr := runCLI(t, "", nil, "migrate", "--db", path)
	if code != exitDB || !strings.Contains(stderr, "cannot migrate database") || !strings.Contains(stderr, "0001_foundation") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "", nil, "serve", "--db", path, "--addr", "127.0.0.1:0")
	if code != exitDB || !strings.Contains(stderr, "cannot migrate database") {
		t.Fatalf("serve: exit %d, stderr %q", code, stderr)
	}
}
