package people

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/store"
)

// reserve returns an id for a new row of table t (persons or households)
// from the session's pool, filled with the batch's worth in one query:
// the ids from PostgreSQL's sequence, the first one on SQLite.
// On SQLite the ids follow the greatest in the table, which only holds
// while nothing else writes: the pool is emptied at the end of every
// transaction, at the start of every batch and after any row written at
// once (see drop).
func (is *ImportSession) reserve(ctx context.Context, t stagedTable) (int64, error) {
	if is.load != nil {
		return is.loadReserve(t), nil
	}
	pool := &is.pool[t]
	if len(*pool) == 0 {
		if len(is.staged.tables[t]) > 0 && is.s.db.Engine == store.SQLite {
			return 0, errors.New("people: import: ids run out with rows staged")
		}
		q := map[stagedTable]string{persons: is.s.q.NextPersonIDs, households: is.s.q.NextHouseholdIDs}[t]
		n := is.poolSize
		if is.s.db.Engine == store.Postgres {
			n = min(n, pgIDChunk) // any time: the sequence hands out each id once
		}
		err := is.each(ctx, q, []any{n}, func(rs *sql.Rows) error {
			var id int64
			err := rs.Scan(&id)
			*pool = append(*pool, id)
			return err
		})
		if err != nil {
			return 0, err
		}
		if n := len(*pool); n == 1 && is.s.db.Engine == store.SQLite {
			for id := (*pool)[0] + 1; len(*pool) < is.poolSize; id++ {
				*pool = append(*pool, id)
			}
		} else if n == 0 {
			return 0, errors.New("people: import: no ids reserved")
		}
	}
	id := (*pool)[0]
	*pool = (*pool)[1:]
	return id, nil
}

// pgIDChunk is how many ids one query takes from a PostgreSQL sequence.
const pgIDChunk = 1024

// drop forgets the reserved ids on SQLite: the next reserve reads new
// ones. PostgreSQL's are the sequence's and stay good in later
// transactions, so an import that commits often leaves no gaps of ids.
func (is *ImportSession) drop() {
	if is.s.db.Engine != store.SQLite {
		return
	}
	for t := range is.pool {
		is.pool[t] = nil
	}
}
