package store

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
)

func openPostgres(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	db := stdlib.OpenDBFromPool(pool)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		pool.Close()
		return nil, err
	}
	return &DB{Engine: Postgres, W: db, R: db, pool: pool}, nil
}

// PgxPool returns the native pgx pool behind a PostgreSQL database, for
// bulk operations such as COPY. It returns nil on SQLite.
func (db *DB) PgxPool() *pgxpool.Pool { return db.pool }
