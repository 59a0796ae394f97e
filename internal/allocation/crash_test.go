package allocation_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/pgtest"
	"github.com/jolproject/jol/internal/testworld"
)

// A process killed (SIGKILL) in the middle of committing an allocation
// leaves the ledger as it was: the commit's child process has reserved
// the stock of its plan and waits inside its transaction when it is
// killed; afterwards every counter agrees with the ledger and none of the
// run's holds, moves or lines exist. A child killed just after its commit
// returned leaves all of them. On both engines: SQLite's file is rolled
// back by the next opening, PostgreSQL's server aborts the transaction of
// the connection that died.
func TestCrashMidCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "jol.db")
			if engine == "postgres" {
				path = pgtest.NewDatabase(t, "alloc_crash")
			}
			crashMidCommit(t, path)
		})
	}
}

// crashMidCommit is TestCrashMidCommit on the database at path (a file
// or a PostgreSQL address).
func crashMidCommit(t *testing.T, path string) {
	db, err := store.Open(t.Context(), path)
	must(t, err)
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	f, _ := basic(t, testworld.New(t, db))
	before := f.state(t)

	out := crashChild(t, path, f.c.ID, "pause")
	if !strings.HasPrefix(out, "paused") {
		t.Fatalf("the child said %q", out)
	}
	verify(t, f.world)
	if after := f.state(t); after != before {
		t.Fatalf("a commit killed midway changed %v to %v", before, after)
	}

	out = crashChild(t, path, f.c.ID, "finish")
	run, err := strconv.ParseInt(strings.TrimPrefix(out, "committed "), 10, 64)
	if err != nil {
		t.Fatalf("the child said %q", out)
	}
	verify(t, f.world)
	if n := f.scalar(t, "SELECT count(*) FROM stock_holds WHERE run_id = $1 AND status = 'held'", run); n != 2 {
		t.Fatalf("run %d holds %d lines after its process was killed", run, n)
	}
	if n := f.scalar(t, "SELECT count(*) FROM requests WHERE status = 'approved'"); n != 0 {
		t.Fatalf("%d requests left approved", n)
	}
}

// crashChild runs TestCrashChild in a new process on the database at
// path, waits for its one line (how far it got), kills it with SIGKILL
// and returns the line.
func crashChild(t *testing.T, path string, campaign int64, mode string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "JOL_CRASH_DB="+path, "JOL_CRASH_CAMPAIGN="+strconv.FormatInt(campaign, 10),
		"JOL_CRASH_MODE="+mode)
	stdout, err := cmd.StdoutPipe()
	must(t, err)
	cmd.Stderr = os.Stderr
	must(t, cmd.Start())
	line := ""
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if s := sc.Text(); strings.HasPrefix(s, "paused") || strings.HasPrefix(s, "committed ") {
			line = s
			break
		}
	}
	must(t, cmd.Process.Kill())
	_ = cmd.Wait()
	return line
}

// TestCrashChild is the process TestCrashMidCommit kills: it commits the
// allocation of the campaign JOL_CRASH_CAMPAIGN of the database
// JOL_CRASH_DB and, with JOL_CRASH_MODE=pause, says "paused" from inside
// the commit's transaction once the stock is reserved and waits there;
// otherwise it says "committed RUN" after the commit and waits.
func TestCrashChild(t *testing.T) {
	path := os.Getenv("JOL_CRASH_DB")
	if path == "" {
		t.Skip("run by TestCrashMidCommit")
	}
	id, _ := strconv.ParseInt(os.Getenv("JOL_CRASH_CAMPAIGN"), 10, 64)
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	must(t, err)
	svc, err := services.New(ctx, db, services.Options{Hasher: testworld.Hasher()})
	must(t, err)
	if os.Getenv("JOL_CRASH_MODE") == "pause" {
		svc.Allocation.SetPause(func() {
			fmt.Println("paused")
			time.Sleep(time.Hour)
		})
	}
	st, err := svc.Allocation.Settings(ctx, access.System, id)
	must(t, err)
	_, run, err := svc.Allocation.Commit(ctx, access.System, id, allocation.CommitOptions{Version: st.Version, Via: "cli"})
	must(t, err)
	fmt.Printf("committed %d\n", run.ID)
	time.Sleep(time.Hour)
}
