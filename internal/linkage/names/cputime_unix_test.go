//go:build unix

package names

import (
	"syscall"
	"time"
)

// cpuTime returns the processor time the process has used, user and
// system, so that benchmarks on a shared machine can report the work done
// rather than the wall time another job's load inflates.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
