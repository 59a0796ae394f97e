package sponsors

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Login is a user of role sponsor, as a sponsor's form offers it.
type Login struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// FreeLogins lists the logins of role sponsor that no sponsor uses but
// sponsor self (0 for a new sponsor): those its portal login may be.
func (s *Service) FreeLogins(ctx context.Context, p access.Principal, self int64) ([]Login, error) {
	if err := access.Can(p, access.ManageSponsors, p.Scope()); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (Login, error) {
		var l Login
		return l, sc.Scan(&l.ID, &l.Name, &l.Email)
	}, s.q.FreeLogins, self)
}
