package public

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/text"
)

// Status is what the status page shows of a request: nothing personal.
type Status struct {
	Reference string
	Status    requests.Status
	Reason    requests.Reason // a rejection's reason code; its free text is never shown
	Messages  []requests.Message
	// RequestID lets the page read the request's eligibility result; it is
	// never shown.
	RequestID int64
}

// ErrNoRequest is the status page's one "not found": an unknown reference
// and a known one with another phone are answered alike.
var ErrNoRequest = errs.New(errs.NotFound, "public.status_not_found")

// LookUp returns the status of the request with reference ref whose
// applicant's phone is phone, asked from client address addr. Attempts are
// limited per address and per reference (see limit.go) before anything is
// read; a wrong phone is ErrNoRequest, as an unknown reference, read by
// the same one query. The request's pending messages for the status page
// are marked delivered: this page is their channel.
func (s *Service) LookUp(ctx context.Context, addr, ref, phone string) (Status, error) {
	ref = text.NormalizeDigits(ref) // a Persian page shows it, and families type it, in Persian digits
	norm := strings.ToUpper(strings.Join(strings.Fields(strings.ReplaceAll(ref, "-", "")), ""))
	if len(norm) > 20 {
		norm = norm[:20]
	}
	if !s.limits.Take(Key{AddressKey("status", addr), StatusPerAddress}, Key{"ref:" + norm, StatusPerReference}) {
		return Status{}, ErrLimited
	}
	reference, err := requests.ParseReference(ref)
	if err != nil {
		return Status{}, errs.Validation(errs.Field("reference", "public.error.reference"))
	}
	digits := lastDigits(phone)
	if len(digits) < 7 {
		return Status{}, errs.Validation(errs.Field("phone", "public.error.phone"))
	}
	st := Status{Reference: reference}
	err = s.DB.R.QueryRowContext(ctx, s.q.StatusByReference, reference, digits).Scan(&st.RequestID, &st.Status, &st.Reason)
	if errors.Is(err, sql.ErrNoRows) {
		return Status{}, ErrNoRequest
	}
	if err != nil {
		return Status{}, err
	}
	return s.show(ctx, st)
}

// show completes st, a request read by reference and phone (LookUp) or by
// chat (ForChat), with what the status page shows of it: a reason only
// for a rejection, and the messages for the page, which are marked
// delivered now that they are shown.
func (s *Service) show(ctx context.Context, st Status) (Status, error) {
	if st.Status != requests.Rejected {
		st.Reason = "" // a reason belongs to a rejection only
	}
	ms, err := s.Requests.Messages(ctx, st.RequestID)
	if err != nil {
		return Status{}, err
	}
	pending := false
	for _, m := range ms {
		if m.Channel == requests.StatusPage && m.State != "failed" {
			st.Messages = append(st.Messages, m)
			pending = pending || m.State == "pending"
		}
	}
	if pending {
		if _, err := s.DB.Writer(ctx).ExecContext(ctx, s.q.MarkShown, st.RequestID, s.Now().UTC()); err != nil {
			return Status{}, err
		}
	}
	return st, nil
}

// lastDigits is the key requests keep of a phone: its last ten digits.
func lastDigits(phone string) string {
	var d []byte
	for _, r := range text.NormalizeDigits(phone) {
		if r >= '0' && r <= '9' {
			d = append(d, byte(r))
		}
	}
	return string(d[max(0, len(d)-10):])
}
