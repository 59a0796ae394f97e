package bot

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jolproject/jol/internal/store"
)

// Store records updates in the inbox, in one transaction, and wakes the
// dispatcher. An update already stored (Telegram sends an update again
// when it did not hear the acknowledgement) is ignored. It returns how
// many were new. Only once Store has returned may the transport
// acknowledge the updates to Telegram.
func (s *Service) Store(ctx context.Context, us ...Update) (int, error) {
	if len(us) == 0 {
		return 0, nil
	}
	now := stamp(s.db.Engine, s.now())
	stored := 0
	err := s.db.Atomic(ctx, func(tx *store.Tx) error {
		for _, u := range us {
			payload, err := json.Marshal(u)
			if err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, s.q.InsertUpdate, u.ID, u.ChatID, string(payload), now)
			if err != nil {
				return fmt.Errorf("store update %d: %w", u.ID, err)
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			stored += int(n)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if stored > 0 {
		wake(s.updates)
	}
	return stored, nil
}
