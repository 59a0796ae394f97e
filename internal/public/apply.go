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

// Campaign returns the campaign named slug as families see it.
func (s *Service) Campaign(ctx context.Context, slug string) (Campaign, error) {
	if len(slug) > 100 {
		return Campaign{}, errs.ErrNotFound
	}
	c, err := s.Campaigns.PublicCampaign(ctx, slug)
	return withAges(c), err
}

// Apply takes an application to campaign slug posted from client address
// addr. A bot, which fills the form's trap field (trapped), is answered
// with a receipt like any other and nothing is stored.
//
// Everything the form says is checked before anything is written (see
// check), so a refusal leaves nothing behind. Then the child is found in
// the registry or registered, the guardian likewise, the consent is
// recorded and the request submitted. A child who has applied to the
// campaign before gets the existing request's reference and nothing else.
func (s *Service) Apply(ctx context.Context, slug, addr string, a Application, trapped bool) (Receipt, error) {
	if !s.limits.Take(Key{AddressKey("apply", addr), ApplyPerAddress}) {
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
	p := FormPrincipal(c)
	fam, err := s.family(ctx, p, c, reg, a)
	if err != nil {
		return Receipt{}, err
	}
	in := requests.Input{CampaignID: c.ID, PersonID: fam.child, ApplicantKind: requests.ByParent,
		ApplicantPersonID: fam.guardian, ApplicantName: strings.TrimSpace(a.GuardianLastName + " " + a.GuardianFirstName),
		ApplicantPhone: a.GuardianPhone, Channel: requests.Web, Locale: a.Locale, Via: "public"}
	if a.Relation == Guardian || a.Relation == Relative {
		in.ApplicantKind = requests.ByGuardian
	}
	for _, ch := range a.Items {
		in.Lines = append(in.Lines, requests.LineInput{ItemID: ch.ItemID, Size: ch.Size})
	}
	r, err := s.Requests.Submit(ctx, p, in)
	if err != nil {
		return Receipt{}, refusal(err)
	}
	return Receipt{Reference: r.Reference}, nil
}

// refusal turns an error of the registry or the requests into what the
// public is told: field errors and conflicts as they are (they concern
// what the family typed), an ID number held elsewhere as ErrByPhone.
func refusal(err error) error {
	e := errs.As(err)
	if e == nil {
		return err
	}
	for _, f := range e.Fields {
		if f.Key == "error.id_elsewhere" || f.Key == "error.id_checks_spent" || f.Key == "error.duplicate_id" {
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
