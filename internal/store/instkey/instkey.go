// Package instkey keeps the installation's secret keys in the table
// installation_keys, one per use and name: drawn once, at random, by the
// first process to start, so what a key signs or hashes before a restart
// is checked after it, and every process of the installation uses the
// same key. Processes that start at once each offer a key of their own
// (INSERT … ON CONFLICT DO NOTHING) and then all read the one that was
// kept.
//
// Keeping a key in the database means a reader of the whole database
// has it too; what it still guards against is a copy of the table the
// key hashes alone.
package instkey

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	Offer, Read string
}

// Get returns the installation's key called name, n bytes long, creating
// it when there is none yet; now stamps a key created.
func Get(ctx context.Context, db *store.DB, name string, n int, now time.Time) ([]byte, error) {
	var q queries
	if err := store.BindQueries(&q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("instkey: %w", err)
	}
	offer := make([]byte, n)
	if _, err := rand.Read(offer); err != nil {
		return nil, fmt.Errorf("instkey: %s: %w", name, err)
	}
	if _, err := db.W.ExecContext(ctx, q.Offer, name, hex.EncodeToString(offer), now.UTC()); err != nil {
		return nil, fmt.Errorf("instkey: store %s: %w", name, err)
	}
	var secret string
	if err := db.W.QueryRowContext(ctx, q.Read, name).Scan(&secret); err != nil {
		return nil, fmt.Errorf("instkey: read %s: %w", name, err)
	}
	key, err := hex.DecodeString(secret)
	if err != nil || len(key) != n {
		return nil, fmt.Errorf("instkey: the stored key %s is not %d bytes in hex", name, n)
	}
	return key, nil
}
