package store

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
)

// minConns is the smallest pool Jol opens on PostgreSQL.
const minConns = 10

func openPostgres(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	// pgx's default, four connections on a small machine, is all taken
	// when the bot's four dispatch workers each hold an update's
	// transaction, and a read they make would wait for ever. The DSN's
	// pool_max_conns still decides when it is given.
	if !strings.Contains(dsn, "pool_max_conns") && cfg.MaxConns < minConns {
		cfg.MaxConns = minConns
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
