package store

import (
	"context"
	"errors"
	"fmt"
)

// ErrBackupPostgres explains that PostgreSQL is backed up with its own tools.
var ErrBackupPostgres = errors.New("PostgreSQL databases are backed up with pg_dump; see docs/operations.md")

// Backup writes a consistent copy of a SQLite database to path while the
// database stays in use (VACUUM INTO reads one snapshot). The copy is a
// complete, compacted database: to restore, stop Jol and put it in place
// of the original file.
func (db *DB) Backup(ctx context.Context, path string) error {
	if db.Engine != SQLite {
		return ErrBackupPostgres
	}
	if _, err := db.W.ExecContext(ctx, "VACUUM INTO ?1", path); err != nil {
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	return nil
}
