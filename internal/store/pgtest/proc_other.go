//go:build !unix

package pgtest

import (
	"errors"
	"os/exec"
)

// credential is unused outside Unix: PostgreSQL runs as the current user.
type credential struct{}

func unprivileged() (*credential, error) { return nil, nil }

func (cr *credential) apply(*exec.Cmd) {}

func (cr *credential) chown(string) error { return nil }

// startWatchdog is not implemented outside Unix.
func (c *Cluster) startWatchdog() {}

func killPostmaster(string) error {
	return errors.New("pgtest: killing the postmaster directly is not supported on this platform")
}
