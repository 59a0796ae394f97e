package jobs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// owner names a process that runs jobs: its host, its process id and a
// nonce drawn when the process started, since a restarted container runs
// under the same host name and often the same process id. The queues of
// one process share it.
type owner struct {
	host  string
	pid   int
	nonce string
}

// processNonce is drawn once, when the process starts, and never changes.
var processNonce = func() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b) // never fails (crypto/rand panics rather)
	return hex.EncodeToString(b)
}()

func thisProcess() owner {
	host, _ := os.Hostname()
	return owner{host: host, pid: os.Getpid(), nonce: processNonce}
}

func (o owner) String() string {
	return o.host + "|" + strconv.Itoa(o.pid) + "|" + o.nonce
}

func parseOwner(s string) (owner, bool) {
	parts := strings.Split(s, "|")
	if len(parts) != 3 || parts[0] == "" {
		return owner{}, false
	}
	pid, err := strconv.Atoi(parts[1])
	if err != nil {
		return owner{}, false
	}
	return owner{host: parts[0], pid: pid, nonce: parts[2]}, true
}

// gone reports whether o is surely no longer running, as seen from this
// process: a process of this host that has ended, or that had this
// process's id with another nonce (an earlier life of this process or
// container). A process on another host may be alive: its jobs wait
// for their lease.
func (me owner) gone(o owner) bool {
	switch {
	case o.host != me.host || o == me:
		return false
	case o.pid == me.pid:
		return true
	}
	p, err := os.FindProcess(o.pid)
	if err != nil {
		return true
	}
	return errors.Is(p.Signal(syscall.Signal(0)), os.ErrProcessDone)
}

// orphan is a running job and the process that claimed it.
type orphan struct {
	id    int64
	owner string
}

// requeueOrphans queues again, at once, the running jobs of processes on
// this host that are gone: a restart resumes them without waiting for
// the lease. Jobs of other hosts, or claimed before owners were recorded,
// are left to requeueStale.
func (q *Queue) requeueOrphans(ctx context.Context) error {
	rows, err := q.db.W.QueryContext(ctx, q.q.ListRunning)
	if err != nil {
		return err
	}
	var list []orphan
	for rows.Next() {
		var o orphan
		if err := rows.Scan(&o.id, &o.owner); err != nil {
			rows.Close()
			return err
		}
		list = append(list, o)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	now := q.clock()
	for _, o := range list {
		who, ok := parseOwner(o.owner)
		if !ok || !q.owner.gone(who) {
			continue
		}
		q.mu.Lock()
		mine := q.inFlight[o.id]
		q.mu.Unlock()
		if mine {
			continue
		}
		// Any start time is before the cutoff: the job is taken back now.
		if _, err := q.db.W.ExecContext(ctx, q.q.Requeue, now, "abandoned by a stopped process", o.id,
			now.Add(24*time.Hour)); err != nil {
			return err
		}
		q.log.Warn("jobs: requeued the job of a stopped process", "id", o.id, "owner", o.owner)
	}
	return nil
}
