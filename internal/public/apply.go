package public

import (
	"context"
	"crypto/rand"
	"errors"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
)

// Receipt is all the form answers: the reference number to quote.
type Receipt struct {
	Reference string
}

// The public refusals that are not a field's.
var (
	// ErrClosed: the campaign does not take applications today.
	ErrClosed = errs.New(errs.Conflict, "public.closed")
	// ErrLimited: too many attempts from this address or for this
	// reference; the same whatever was asked.
	ErrLimited = errs.New(errs.RateLimited, "public.limited")
	// ErrByPhone: the application cannot be taken online (the child's ID
	// number is registered by an organisation outside the campaign's); the
	// family is sent to the hotline, told nothing of any record.
	ErrByPhone = errs.New(errs.Conflict, "public.by_phone")
)

// Campaign returns the campaign named slug as families see it, with the
// conditions of its current rules.
func (s *Service) Campaign(ctx context.Context, slug string) (Campaign, error) {
	if len(slug) > 100 {
		return Campaign{}, errs.ErrNotFound
	}
	c, err := s.Campaigns.PublicCampaign(ctx, slug)
	if err != nil {
		return Campaign{}, err
	}
	c.Rules, err = s.Conditions(ctx, c.ID)
	return c, err
}

// Apply takes an application to campaign slug posted from client address
// addr. A bot, which fills the form's trap field (trapped), is answered
// with a receipt like any other and nothing is stored.
//
// Everything the form says is checked first, against the campaign and its
// current rules (see check), so that a mistake is answered beside its
// field before the database is asked. Then one transaction finds the
// child in the registry or registers them, the guardian likewise, records
// the guardianship and the consent and submits the request: all of it is
// committed, or none of it (the campaign closed in between, a line no
// longer offered, the database failing). A child who has applied to the
// campaign before gets the existing request's reference and nothing is
// written.
//
// Applications are written one at a time in the process. On SQLite its
// one writer makes them so anyway; on PostgreSQL it keeps an application
// from waiting for a pooled connection that another one, waiting in turn,
// holds, and it makes parallel applications for one child (a form sent
// twice) find each other. Writers of other processes are met by the lock
// on the child's name and birth date (store.Tx.Lock) and by the unique
// index of ID numbers: an ID number another writer took meanwhile is
// tried once more, and then found.
func (s *Service) Apply(ctx context.Context, slug, addr string, a Application, trapped bool) (Receipt, error) {
	return s.apply(ctx, slug, origin{channel: requests.Web, limit: AddressKey("apply", addr)}, a, trapped)
}

// origin is where an application comes from: the channel, the key its
// attempts are counted under and, for Telegram, the chat.
type origin struct {
	channel requests.Channel
	limit   string
	chat    int64
}

// apply is Apply from o.
func (s *Service) apply(ctx context.Context, slug string, o origin, a Application, trapped bool) (Receipt, error) {
	if !s.limits.Take(Key{o.limit, ApplyPerAddress}) {
		return Receipt{}, ErrLimited
	}
	c, err := s.Campaign(ctx, slug)
	if err != nil {
		return Receipt{}, err
	}
	today := s.Now().UTC()
	if !c.Open(today) {
		return Receipt{}, ErrClosed
	}
	reg, err := a.check(c, today)
	if err != nil {
		return Receipt{}, err
	}
	if trapped {
		return Receipt{Reference: decoyReference()}, nil
	}
	select {
	case s.writing <- struct{}{}:
		defer func() { <-s.writing }()
	case <-ctx.Done():
		return Receipt{}, ctx.Err()
	}
	wr, err := s.write(ctx, c, reg, a, o)
	if hasField(err, "error.duplicate_id") {
		wr, err = s.write(ctx, c, reg, a, o)
	}
	if err != nil {
		return Receipt{}, refusal(err)
	}
	if wr.linked && o.chat != 0 {
		if _, err := s.Requests.AttachChat(ctx, wr.id, o.chat, a.GuardianPhone); err != nil {
			return Receipt{}, err
		}
	}
	return wr.Receipt, nil
}

// refusal turns an error of the registry or the requests into what the
// public is told: field errors and conflicts as they are (they concern
// what the family typed), a campaign closed since the form read it as
// ErrClosed, an ID number held elsewhere as ErrByPhone.
func refusal(err error) error {
	e := errs.As(err)
	if e == nil {
		return err
	}
	if e.Key == "error.campaign_not_open" {
		return ErrClosed
	}
	for _, key := range []string{"error.id_elsewhere", "error.id_checks_spent", "error.duplicate_id"} {
		if hasField(err, key) {
			return ErrByPhone
		}
	}
	if errors.Is(err, errs.ErrNotFound) || e.Code == errs.Forbidden {
		return ErrByPhone
	}
	return err
}

// decoyReference is a reference number shaped like a real one, check
// character included (see requests.ParseReference), for a bot's answer;
// the status page finds no request under it.
func decoyReference() string {
	const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
	var b [8]byte
	_, _ = rand.Read(b[:])
	code := make([]byte, 0, 9)
	for _, x := range b {
		code = append(code, alphabet[x%32])
	}
	factor, sum := 2, 0 // Luhn mod 32, as the real ones
	for i := len(code) - 1; i >= 0; i-- {
		a := factor * strings.IndexByte(alphabet, code[i])
		sum += a/32 + a%32
		factor = 3 - factor
	}
	code = append(code, alphabet[(32-sum%32)%32])
	return string(code[0:3]) + "-" + string(code[3:6]) + "-" + string(code[6:9])
}
