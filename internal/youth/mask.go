package youth

import (
	"context"
	"strings"

	"github.com/jolproject/jol/internal/access"
)

// Revealer says whether p may read the contacts of minor y, beside the
// coordinators of y's branch, who always may. Mentoring registers one
// (OnReveal) for the mentor of a match a coordinator has approved; until
// then no one else reads a minor's contacts.
type Revealer func(ctx context.Context, p access.Principal, y Youth) (bool, error)

// OnReveal registers r. Call it while wiring, before serving.
func (s *Service) OnReveal(r Revealer) { s.reveal = append(s.reveal, r) }

// seen is y as p may read it: a minor's contacts (their own and their
// guardian's) masked unless p may read them (Reveals).
func (s *Service) seen(ctx context.Context, p access.Principal, y Youth) (Youth, error) {
	if !y.Minor(s.today()) {
		return y, nil
	}
	ok, err := s.Reveals(ctx, p, y)
	if err != nil || ok {
		return y, err
	}
	y.Contact = Contact{Phone: mask(y.Contact.Phone), Telegram: mask(y.Contact.Telegram), Email: mask(y.Contact.Email)}
	y.Guardian.Contact = mask(y.Guardian.Contact)
	y.Masked = true
	return y, nil
}

// Reveals reports whether p may read the contacts of young person y: a
// coordinator whose organisation is y's branch or above it (within their
// region scope) may, and so may whoever a registered Revealer lets.
// Administrators and operators read a minor's contacts masked like
// everyone else.
func (s *Service) Reveals(ctx context.Context, p access.Principal, y Youth) (bool, error) {
	if p.Role == access.Coordinator && p.OrgPath != "" && strings.HasPrefix(y.OrgPath, p.OrgPath) && access.Within(p, y.Target()) {
		return true, nil
	}
	for _, r := range s.reveal {
		if ok, err := r(ctx, p, y); err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}
