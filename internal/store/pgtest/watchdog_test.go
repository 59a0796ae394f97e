//go:build unix

package pgtest

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestKilledProcess starts a cluster in a child test process, kills that
// process with SIGKILL and checks that the watchdog stops the server and
// removes its directory.
func TestKilledProcess(t *testing.T) {
	if os.Getenv("PGTEST_CHILD") == "1" {
		c, err := Start(context.Background())
		if err != nil {
			os.Stdout.WriteString("error " + err.Error() + "\n")
			os.Exit(1)
		}
		os.Stdout.WriteString("ready " + c.dir + " " + c.DSN() + "\n")
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	if os.Getenv("JOL_TEST_POSTGRES") != "" {
		t.Skip("external server: nothing to clean up")
	}
	if _, _, err := findBinaries(); err != nil {
		Skip(t, err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledProcess$")
	cmd.Env = append(os.Environ(), "PGTEST_CHILD=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	f := strings.Fields(line)
	if len(f) != 3 || f[0] != "ready" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child: %q", line)
	}
	dir, dsn := f[1], f[2]
	if err := ping(t.Context(), dsn); err != nil {
		t.Fatalf("child's server not reachable: %v", err)
	}
	cmd.Process.Kill()
	cmd.Wait()

	deadline := time.Now().Add(40 * time.Second)
	for {
		_, statErr := os.Stat(dir)
		if os.IsNotExist(statErr) && ping(t.Context(), dsn) != nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the child was killed: dir %s stat err %v, server still up: %v", dir, statErr, ping(t.Context(), dsn) == nil)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
