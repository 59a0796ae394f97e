//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package imports

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// holdLock locks f for as long as it stays open. flock locks belong to
// the open file, so another open of the same file, even in this process,
// sees it held; the kernel drops the lock when the process dies.
func holdLock(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

// lockHeld reports whether another open file holds lock.
func lockHeld(lock *os.File, _ string) bool {
	err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if err == nil {
		_ = syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)
		return false
	}
	return errors.Is(err, syscall.EWOULDBLOCK)
}

// fresh reports whether the folder dir was made less than a minute ago:
// a folder without its lock file is being made, unless it is older.
func fresh(dir string) bool {
	st, err := os.Stat(dir)
	return err == nil && time.Since(st.ModTime()) < time.Minute
}
