package imports

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// scratchPrefix starts the name of every process's folder of temporary
// files; lockName is the file in it that the process holds locked.
const (
	scratchPrefix = "jol-"
	lockName      = ".lock"
)

// Scratch is the folder of one process's temporary files: the spools of
// rejected rows, excelize's unpacked sheets, the reports being written.
// They hold children's names and IDs, so they live under the data
// directory rather than a shared /tmp, are removed as soon as an import
// ends, and what a crash left behind is removed when Jol next starts.
type Scratch struct {
	// Dir is the folder, for os.CreateTemp and friends.
	Dir  string
	lock *os.File
}

// OpenScratch removes the folders under parent that no running process
// holds, then makes this process's own, which it holds until Close.
// parent is created if need be, readable by its owner only.
func OpenScratch(parent string) (*Scratch, error) {
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return nil, fmt.Errorf("imports: temporary files: %w", err)
	}
	if err := SweepScratch(parent); err != nil {
		return nil, err
	}
	var err error
	for range 3 { // another process's sweep may take the folder before it is held
		var dir string
		if dir, err = os.MkdirTemp(parent, scratchPrefix); err != nil {
			break
		}
		var lock *os.File
		if lock, err = os.OpenFile(filepath.Join(dir, lockName), os.O_CREATE|os.O_RDWR, 0o600); err != nil {
			continue
		}
		if err = holdLock(lock); err != nil {
			lock.Close()
			continue
		}
		return &Scratch{Dir: dir, lock: lock}, nil
	}
	return nil, fmt.Errorf("imports: temporary files: %w", err)
}

// Close removes the folder and everything left in it.
func (s *Scratch) Close() error {
	return errors.Join(s.lock.Close(), os.RemoveAll(s.Dir))
}

// SweepScratch removes the folders under parent that no running process
// holds: those a crash left behind.
func SweepScratch(parent string) error {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return fmt.Errorf("imports: temporary files: %w", err)
	}
	var failed []error
	for _, e := range entries {
		dir := filepath.Join(parent, e.Name())
		if !e.IsDir() || !strings.HasPrefix(e.Name(), scratchPrefix) || held(dir) {
			continue
		}
		failed = append(failed, os.RemoveAll(dir))
	}
	return errors.Join(failed...)
}

// held reports whether a running process holds the folder dir.
func held(dir string) bool {
	lock, err := os.OpenFile(filepath.Join(dir, lockName), os.O_RDWR, 0)
	if err != nil {
		return fresh(dir) // being made, or left half made
	}
	defer lock.Close()
	return lockHeld(lock, dir)
}
