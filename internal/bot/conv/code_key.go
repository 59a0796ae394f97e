package conv

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/store/instkey"
)

// codeKeyName names the key of the link codes in installation_keys: a
// key of their own, apart from the handover codes'.
const codeKeyName = "bot_link_codes"

// UseStoredKey makes the service hash and check link codes with the
// installation's key (package instkey), creating it when there is none
// yet, so a code shown on a staff member's page before a restart is
// taken after it. The server calls it once at start, before the service
// is used; until then the service keeps the key it drew in New.
func (s *Service) UseStoredKey(ctx context.Context) error {
	key, err := instkey.Get(ctx, s.db, codeKeyName, len(s.key), s.now())
	if err != nil {
		return fmt.Errorf("conv: code key: %w", err)
	}
	s.key = key
	return nil
}
