package public

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
)

// errLinked ends the transaction of an application for a child who has a
// request in the campaign already: nothing of it is kept.
var errLinked = errors.New("public: the child has applied before")

// written is what write did: the receipt, and the request it names,
// linked when the child had applied before.
type written struct {
	Receipt
	id     int64
	linked bool
}

// write writes application a from o, checked, in one transaction.
func (s *Service) write(ctx context.Context, c Campaign, reg Region, a Application, o origin) (written, error) {
	p := FormPrincipal(c)
	if o.channel == requests.Telegram {
		p.Name = "Telegram bot"
	}
	var rc written
	err := s.DB.Atomic(ctx, func(tx *store.Tx) error {
		// The child, whatever the campaign: one registration at a time.
		key := fmt.Sprintf("public.child:%s:%s", text.NameKey(a.LastName, a.FirstName, a.Patronymic),
			a.BirthDate.Format(time.DateOnly))
		if err := tx.Lock(ctx, key); err != nil {
			return err
		}
		fam, err := s.family(ctx, s.People.In(tx), p, c, reg, a)
		if err != nil {
			return err
		}
		r, err := s.Requests.SubmitTx(ctx, tx, p, fam.request(c, a, o))
		if err != nil {
			return err
		}
		rc.Reference, rc.id, rc.linked = r.Reference, r.ID, r.Linked
		if r.Linked {
			return errLinked
		}
		return nil
	})
	if errors.Is(err, errLinked) {
		return rc, nil
	}
	return rc, err
}

// request is what the family asks in campaign c, from o.
func (f family) request(c Campaign, a Application, o origin) requests.Input {
	in := requests.Input{CampaignID: c.ID, PersonID: f.child, ApplicantKind: requests.ByParent,
		ApplicantPersonID: f.guardian, ApplicantName: strings.TrimSpace(a.GuardianLastName + " " + a.GuardianFirstName),
		ApplicantPhone: a.GuardianPhone, Channel: o.channel, Locale: a.Locale, Via: "public", DistanceKm: a.km,
		Chat: o.chat}
	if o.channel == requests.Telegram {
		in.Via = "telegram"
	}
	if a.Relation == Guardian || a.Relation == Relative {
		in.ApplicantKind = requests.ByGuardian
	}
	for _, ch := range a.Items {
		in.Lines = append(in.Lines, requests.LineInput{ItemID: ch.ItemID, Size: ch.Size})
	}
	return in
}

// hasField reports whether err is a domain error with a field error of key.
func hasField(err error, key string) bool {
	if e := errs.As(err); e != nil {
		for _, f := range e.Fields {
			if f.Key == key {
				return true
			}
		}
	}
	return false
}
