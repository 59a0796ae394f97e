package distribution

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/store/instkey"
)

// The key of the codes' hashes is the installation's, kept in
// installation_keys (package instkey), so a code sent before a restart
// is checked after it and every process of the installation checks the
// codes the others sent. A reader of the whole database could test the
// million codes against a pending code's hash; such a reader already
// sees a pending code in the outbox until it is sent.

// codeKeyName names the key of the codes in installation_keys.
const codeKeyName = "handover_codes"

// codeKeyLen is the length of the key in bytes.
const codeKeyLen = 32

// UseStoredKey makes the service hash and check codes with the
// installation's key, creating it when there is none yet. The server and
// the demo call it once at start, before the service is used.
func (s *Service) UseStoredKey(ctx context.Context) error {
	key, err := instkey.Get(ctx, s.db, codeKeyName, codeKeyLen, s.now())
	if err != nil {
		return fmt.Errorf("distribution: code key: %w", err)
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
