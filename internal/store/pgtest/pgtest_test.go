package pgtest

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) {
	code := m.Run()
	StopShared()
	os.Exit(code)
}

func TestCluster(t *testing.T) {
	ctx := t.Context()
	begin := time.Now()
	c, err := Start(ctx)
	Skip(t, err)
	t.Logf("Start took %v (dsn %s)", time.Since(begin), c.DSN())
	defer c.Stop()

	var names []string
	for _, prefix := range []string{"Pg Test-1", "pg_test"} {
		dsn, err := c.CreateDatabase(ctx, prefix)
		if err != nil {
			t.Fatal(err)
		}
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		var one int
		var name string
		err = conn.QueryRow(ctx, "select 1, current_database()").Scan(&one, &name)
		conn.Close(ctx)
		if err != nil || one != 1 {
			t.Fatalf("select 1 = %d, %v", one, err)
		}
		if !strings.HasPrefix(name, "pgtest1_") && !strings.HasPrefix(name, "pg_test_") {
			t.Errorf("database name %q does not start with the sanitized prefix", name)
		}
		names = append(names, name)
	}
	if names[0] == names[1] {
		t.Fatalf("both databases are %q", names[0])
	}

	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if err := c.Stop(); err != nil {
		t.Fatalf("second Stop: %v", err)
	}
	if c.dir == "" {
		return // external server: Stop is a no-op
	}
	if _, err := os.Stat(c.dir); !os.IsNotExist(err) {
		t.Errorf("directory %s still there after Stop: %v", c.dir, err)
	}
	if err := ping(ctx, c.DSN()); err == nil {
		t.Error("server still accepts connections after Stop")
	}
}

func TestShared(t *testing.T) {
	a := NewDatabase(t, "shared")
	b := NewDatabase(t, "shared")
	if a == b {
		t.Fatalf("NewDatabase returned %q twice", a)
	}
	c1 := ForTest(t)
	c2 := ForTest(t)
	if c1 != c2 {
		t.Fatal("ForTest did not reuse the shared cluster")
	}
	if err := ping(t.Context(), b); err != nil {
		t.Fatal(err)
	}
}

func TestUniqueName(t *testing.T) {
	c := &Cluster{}
	cases := []struct{ prefix, want string }{
		{"Store", "store_1_"},
		{"9lives", "t9lives_2_"},
		{"", "t_3_"},
		{"a-b c;drop", "abcdrop_4_"},
		{strings.Repeat("x", 80), strings.Repeat("x", 52) + "_5_"},
	}
	for _, tc := range cases {
		got, err := c.uniqueName(tc.prefix)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(got, tc.want) || len(got) > 63 || len(got) != len(tc.want)+8 {
			t.Errorf("uniqueName(%q) = %q, want %q + 8 hex digits", tc.prefix, got, tc.want)
		}
	}
}

func TestVersionOrder(t *testing.T) {
	if compareVersions("/usr/lib/postgresql/9.6/bin", "/usr/lib/postgresql/15/bin") >= 0 {
		t.Error("9.6 should sort below 15")
	}
	if compareVersions("/usr/pgsql-16/bin", "/usr/pgsql-15/bin") <= 0 {
		t.Error("16 should sort above 15")
	}
}

// recordingTB captures Skipf and Fatalf instead of stopping the test.
type recordingTB struct {
	testing.TB
	skipped, failed string
}

func (r *recordingTB) Helper()                      {}
func (r *recordingTB) Skipf(f string, args ...any)  { r.skipped = fmt.Sprintf(f, args...) }
func (r *recordingTB) Fatalf(f string, args ...any) { r.failed = fmt.Sprintf(f, args...) }

func TestSkip(t *testing.T) {
	_, _, err := findBinariesIn(nil)
	t.Setenv("JOL_REQUIRE_POSTGRES", "")
	r := &recordingTB{TB: t}
	Skip(r, err)
	want := "PostgreSQL tests skipped: no initdb/pg_ctl found"
	if !strings.HasPrefix(r.skipped, want) || !strings.Contains(r.skipped, "JOL_REQUIRE_POSTGRES=1") || r.failed != "" {
		t.Errorf("skipped %q, failed %q", r.skipped, r.failed)
	}
	t.Setenv("JOL_REQUIRE_POSTGRES", "1")
	r = &recordingTB{TB: t}
	Skip(r, err)
	if r.failed == "" || r.skipped != "" {
		t.Errorf("with JOL_REQUIRE_POSTGRES=1: skipped %q, failed %q", r.skipped, r.failed)
	}
	r = &recordingTB{TB: t}
	Skip(r, nil)
	if r.failed != "" || r.skipped != "" {
		t.Errorf("nil error: skipped %q, failed %q", r.skipped, r.failed)
	}
}
