package people

import (
	"context"
	"database/sql"
)

// SetBeforeRebuild makes f run in every load's transaction before its
// indexes are built again, until the returned func is called.
func SetBeforeRebuild(f func(context.Context, *sql.Tx) error) (reset func()) {
	beforeRebuild = f
	return func() { beforeRebuild = nil }
}
