//go:build unix

package pgtest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// credential is the unprivileged identity PostgreSQL runs as when the test
// process is root (initdb and postgres refuse to run as root). A nil
// *credential means "run as the current user".
type credential struct{ uid, gid uint32 }

func unprivileged() (*credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
		gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
		if err1 == nil && err2 == nil && uid != 0 {
			return &credential{uid: uint32(uid), gid: uint32(gid)}, nil
		}
	}
	return nil, fmt.Errorf("%w: running as root, which initdb refuses, and there is no "+
		"unprivileged user \"postgres\" or \"nobody\" to run it as", ErrUnavailable)
}

func (cr *credential) apply(cmd *exec.Cmd) {
	if cr == nil {
		return
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: cr.uid, Gid: cr.gid}}
}

func (cr *credential) chown(path string) error {
	if cr == nil {
		return nil
	}
	return os.Chown(path, int(cr.uid), int(cr.gid))
}

// watchdogScript waits until its stdin reaches EOF, which happens when the
// test process closes the pipe or dies, then kills the server (SIGQUIT is an
// immediate shutdown) and removes the cluster directory.
const watchdogScript = `read -r line
pid=$(head -n 1 "$1/data/postmaster.pid" 2>/dev/null)
if [ -n "$pid" ] && kill -QUIT "$pid" 2>/dev/null; then
	i=0
	while [ -f "$1/data/postmaster.pid" ] && kill -0 "$pid" 2>/dev/null && [ "$i" -lt 30 ]; do
		sleep 1
		i=$((i+1))
	done
fi
rm -rf "$1"
`

// startWatchdog starts a detached shell that cleans up after a test process
// killed without calling Stop, so the port and directory are not leaked.
// It is best effort: failures are ignored.
func (c *Cluster) startWatchdog() {
	r, w, err := os.Pipe()
	if err != nil {
		return
	}
	defer r.Close()
	cmd := exec.Command("/bin/sh", "-c", watchdogScript, "pgtest-watchdog", c.dir)
	cmd.Stdin = r
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true} // survive Ctrl-C to the process group
	if err := cmd.Start(); err != nil {
		w.Close()
		return
	}
	c.guard = w
	go cmd.Wait()
}

// killPostmaster sends SIGQUIT to the postmaster recorded in data and waits
// for it to exit; used when pg_ctl stop fails.
func killPostmaster(data string) error {
	b, err := os.ReadFile(filepath.Join(data, "postmaster.pid"))
	if err != nil {
		return err
	}
	line, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil || pid <= 0 {
		return fmt.Errorf("pgtest: bad postmaster.pid: %q", line)
	}
	if err := syscall.Kill(pid, syscall.SIGQUIT); err != nil {
		if errors.Is(err, syscall.ESRCH) {
			return nil
		}
		return fmt.Errorf("pgtest: kill postmaster %d: %w", pid, err)
	}
	for range 200 { // the postmaster removes postmaster.pid on exit; zombies still answer kill -0
		if _, err := os.Stat(filepath.Join(data, "postmaster.pid")); err != nil || syscall.Kill(pid, 0) != nil {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("pgtest: postmaster %d did not exit", pid)
}
