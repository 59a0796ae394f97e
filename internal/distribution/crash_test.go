package distribution_test

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/pgtest"
	"github.com/jolproject/jol/internal/testworld"
)

// The crash test runs this test binary again as a child that hands over
// every line of an event, one request at a time, and kills it with
// SIGKILL while it works. The child's environment names the database
// (crashChild) and the event (crashEvent).
const (
	crashChild = "JOL_DISTRIBUTION_CRASH_DSN"
	crashEvent = "JOL_DISTRIBUTION_CRASH_EVENT"
)

// TestCrashDuringHandoversLeavesTheLedgerWhole kills a process in the
// middle of its handovers, then opens the database again: the counters
// agree with the ledger, every handover line has its stock document and
// moves and every issue has its handover line, every issued hold is a
// handover line, each request is delivered exactly when all its lines
// are handed over, and the handovers go on where they stopped.
func TestCrashDuringHandoversLeavesTheLedgerWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			dsn := filepath.Join(t.TempDir(), "jol.db")
			if engine == "postgres" {
				dsn = pgtest.NewDatabase(t, "crash")
			}
			db, err := store.Open(t.Context(), dsn)
			must(t, err)
			t.Cleanup(func() { db.Close() })
			_, err = db.Migrate(t.Context())
			must(t, err)
			f := setup(t, testworld.New(t, db))
			const requests = 120
			for i := range requests {
				f.request(t, "Crash"+strconv.Itoa(i), f.kit(), f.uniform())
			}
			killAt := 10 + rand.IntN(40)
			done := runAndKill(t, dsn, f.event.ID, killAt)
			checkWhole(t, f)
			if done < killAt {
				t.Fatalf("the child reported %d handovers before it was killed, want %d", done, killAt)
			}
			handed := f.scalar(t, "SELECT count(*) FROM handovers")
			if handed < int64(done) || handed > int64(done)+1 {
				t.Fatalf("%d handovers committed; the child reported %d before it was killed", handed, done)
			}
			// The rest is handed over after the crash as if nothing happened.
			_, rows, err := f.d.Lines(f.ctx, f.wh, f.event.ID)
			must(t, err)
			for _, r := range rows {
				if r.Line == 1 && !r.Handed() {
					_, err := f.handOver(r.RequestID, distribution.LineInput{Line: 1}, distribution.LineInput{Line: 2})
					must(t, err)
				}
			}
			if n := f.scalar(t, "SELECT count(*) FROM requests WHERE status = 'delivered'"); n != requests {
				t.Fatalf("%d requests delivered after the rest, want %d", n, requests)
			}
			checkWhole(t, f)
		})
	}
}

// runAndKill starts the child on dsn and event, waits until it reports
// killAt handovers and kills it; it returns how many the child reported.
func runAndKill(t *testing.T, dsn string, event int64, killAt int) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChild+"="+dsn, crashEvent+"="+strconv.FormatInt(event, 10))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	done := 0
	sc := bufio.NewScanner(out)
	for done < killAt && sc.Scan() {
		if n, ok := strings.CutPrefix(sc.Text(), "handed "); ok {
			done, _ = strconv.Atoi(n)
		}
	}
	must(t, cmd.Process.Signal(syscall.SIGKILL))
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the child ended by itself (%v) after %d handovers: it was not killed in the middle", err, done)
	}
	return done
}

// checkWhole fails t unless the ledger and the handovers agree.
func checkWhole(t *testing.T, f *fix) {
	t.Helper()
	f.verify(t)
	for what, query := range map[string]string{
		"handover lines without their issue": `SELECT count(*) FROM handover_lines hl
			WHERE NOT EXISTS (SELECT 1 FROM stock_docs d JOIN stock_moves m ON m.doc_id = d.id
				WHERE d.id = hl.doc_id AND d.kind = 'issue_person' AND d.request_id = hl.request_id
				AND d.request_line = hl.line)`,
		"issues without their handover line": `SELECT count(*) FROM stock_docs d
			WHERE d.kind = 'issue_person' AND NOT EXISTS (SELECT 1 FROM handover_lines hl WHERE hl.doc_id = d.id)`,
		"issues without moves": `SELECT count(*) FROM stock_docs d
			WHERE d.kind = 'issue_person' AND NOT EXISTS (SELECT 1 FROM stock_moves m WHERE m.doc_id = d.id)`,
		"handovers without lines": `SELECT count(*) FROM handovers h
			WHERE NOT EXISTS (SELECT 1 FROM handover_lines hl WHERE hl.handover_id = h.id)`,
		"issued holds without a handover line": `SELECT count(*) FROM stock_holds s WHERE s.status = 'issued'
			AND NOT EXISTS (SELECT 1 FROM handover_lines hl WHERE hl.doc_id = s.doc_id)`,
		"handover lines whose hold is still held": `SELECT count(*) FROM handover_lines hl JOIN stock_holds s
			ON s.request_id = hl.request_id AND s.line = hl.line AND s.status = 'held'`,
		"delivered requests with a line not handed over": `SELECT count(*) FROM requests r WHERE r.status = 'delivered'
			AND EXISTS (SELECT 1 FROM request_lines l WHERE l.request_id = r.id AND NOT EXISTS
				(SELECT 1 FROM handover_lines hl WHERE hl.request_id = l.request_id AND hl.line = l.line))`,
		"requests handed over whole but not delivered": `SELECT count(*) FROM requests r WHERE r.status <> 'delivered'
			AND NOT EXISTS (SELECT 1 FROM request_lines l WHERE l.request_id = r.id AND NOT EXISTS
				(SELECT 1 FROM handover_lines hl WHERE hl.request_id = l.request_id AND hl.line = l.line))`,
	} {
		if n := f.scalar(t, query); n != 0 {
			t.Errorf("%d %s", n, what)
		}
	}
}

// runCrashChild is the child's life: hand over every line of the event,
// one request at a time, saying after each commit how many are done.
func runCrashChild() int {
	ctx := context.Background()
	fail := func(err error) int { fmt.Fprintln(os.Stderr, "crash child:", err); return 1 }
	db, err := store.Open(ctx, os.Getenv(crashChild))
	if err != nil {
		return fail(err)
	}
	defer db.Close()
	svc, err := services.New(ctx, db, services.Options{Hasher: testworld.Hasher()})
	if err != nil {
		return fail(err)
	}
	event, _ := strconv.ParseInt(os.Getenv(crashEvent), 10, 64)
	u, err := svc.Accounts.LookupEmail(ctx, testworld.Email(access.Warehouse))
	if err != nil {
		return fail(err)
	}
	_, rows, err := svc.Distribution.Lines(ctx, u.Principal(), event)
	if err != nil {
		return fail(err)
	}
	done := 0
	for _, r := range rows {
		if r.Line != 1 {
			continue
		}
		_, err := svc.Distribution.HandOver(ctx, u.Principal(), distribution.HandoverInput{EventID: event,
			RequestID: r.RequestID, Lines: []distribution.LineInput{{Line: 1}, {Line: 2}}, Proof: distribution.Signature,
			Signature: signature(), Via: "web"})
		if err != nil {
			return fail(err)
		}
		done++
		fmt.Printf("handed %d\n", done)
	}
	return 0
}
