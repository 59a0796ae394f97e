package stock

import (
	"context"
	"database/sql"
)

// ReserveNow is Reserve in a transaction of its own, for holds made
// outside an allocation run: sample data, and tests of what follows a
// hold.
func (s *Service) ReserveNow(ctx context.Context, holds []Hold) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error { return s.Reserve(ctx, tx, holds) })
}
