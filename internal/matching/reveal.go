package matching

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/youth"
)

// Revealer lets the mentor of a minor's approved and accepted match read
// the young person's contacts (wired with youth.Service.OnReveal).
func (s *Service) Revealer() youth.Revealer {
	return func(ctx context.Context, p access.Principal, y youth.Youth) (bool, error) {
		if p.Role != access.Mentor || p.UserID == 0 {
			return false, nil
		}
		var n int
		err := s.db.R.QueryRowContext(ctx, s.q.Revealed, p.UserID, y.ID).Scan(&n)
		return n > 0, err
	}
}
