package requests

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/errs"
)

// PublicStatus is what the public status page may show of a request:
// where it stands and the latest message to the family, nothing about
// the child.
type PublicStatus struct {
	Reference string    `json:"reference"`
	Status    Status    `json:"status"`
	Reason    Reason    `json:"reason,omitempty"`
	UpdatedAt time.Time `json:"updated_at"`
	Message   *Message  `json:"message,omitempty"`
}

// Lookup finds the request with reference ref (as typed, see
// ParseReference) whose applicant's phone ends in the same ten digits as
// phone. An unknown reference, a wrong phone and a malformed reference
// are the same not-found error, so the page tells nothing to a guesser;
// limiting attempts is the page's (per client address). The request's
// messages for the status page are marked delivered when shown.
func (s *Service) Lookup(ctx context.Context, ref, phone string) (PublicStatus, error) {
	ref, err := ParseReference(ref)
	if err != nil {
		return PublicStatus{}, errs.ErrNotFound
	}
	r, err := scanRequest(s.db.R.QueryRowContext(ctx, s.q.RequestFrom+"\n"+s.q.RequestByReference, ref))
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return PublicStatus{}, errs.ErrNotFound
		}
		return PublicStatus{}, err
	}
	want, got := phoneDigits(r.ApplicantPhone), phoneDigits(phone)
	if want == "" || subtle.ConstantTimeCompare([]byte(want), []byte(got)) != 1 {
		return PublicStatus{}, errs.ErrNotFound
	}
	out := PublicStatus{Reference: r.Reference, Status: r.Status, Reason: r.Reason, UpdatedAt: r.UpdatedAt}
	ms, err := s.Messages(ctx, r.ID)
	if err != nil {
		return PublicStatus{}, err
	}
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].Channel == StatusPage {
			out.Message = &ms[i]
			break
		}
	}
	return out, nil
}
