package distribution

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
)

// The key of the codes' hashes is the installation's: drawn once, at
// random, by the first process to start, and kept in installation_keys,
// so a code sent before a restart is checked after it and every process
// of the installation checks the codes the others sent. Processes that
// start at once each offer a key of their own (INSERT … ON CONFLICT DO
// NOTHING) and then all read the one that was kept.
//
// Keeping the key in the database means a reader of the whole database
// could test the million codes against a pending code's hash; such a
// reader already sees a pending code in the outbox until it is sent.
// What the key still guards against is a copy of the codes' table alone.

// codeKeyName names the key of the codes in installation_keys.
const codeKeyName = "handover_codes"

// codeKeyLen is the length of the key in bytes.
const codeKeyLen = 32

// UseStoredKey makes the service hash and check codes with the
// installation's key, creating it when there is none yet. The server and
// the demo call it once at start, before the service is used.
func (s *Service) UseStoredKey(ctx context.Context) error {
	offer := make([]byte, codeKeyLen)
	if _, err := rand.Read(offer); err != nil {
		return fmt.Errorf("distribution: code key: %w", err)
	}
	if _, err := s.db.W.ExecContext(ctx, s.q.InsertCodeKey, codeKeyName, hex.EncodeToString(offer),
		s.now().UTC()); err != nil {
		return fmt.Errorf("distribution: store the code key: %w", err)
	}
	var secret string
	if err := s.db.W.QueryRowContext(ctx, s.q.CodeKey, codeKeyName).Scan(&secret); err != nil {
		return fmt.Errorf("distribution: read the code key: %w", err)
	}
	key, err := hex.DecodeString(secret)
	if err != nil || len(key) != codeKeyLen {
		return fmt.Errorf("distribution: the stored code key is not %d bytes in hex", codeKeyLen)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.key = key
	return nil
}

// codeKey is the key the codes are hashed with now.
func (s *Service) codeKey() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.key
}
