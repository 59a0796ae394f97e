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

// write writes application a, checked, in one transaction.
func (s *Service) write(ctx context.Context, c Campaign, reg Region, a Application) (Receipt, error) {
	p := FormPrincipal(c)
	var rc Receipt
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
		r, err := s.Requests.SubmitTx(ctx, tx, p, fam.request(c, a))
		if err != nil {
			return err
		}
		if rc.Reference = r.Reference; r.Linked {
			return errLinked
		}
		return nil
	})
	if errors.Is(err, errLinked) {
		return rc, nil
	}
	return rc, err
}

// request is what the family asks in campaign c.
func (f family) request(c Campaign, a Application) requests.Input {
	in := requests.Input{CampaignID: c.ID, PersonID: f.child, ApplicantKind: requests.ByParent,
		ApplicantPersonID: f.guardian, ApplicantName: strings.TrimSpace(a.GuardianLastName + " " + a.GuardianFirstName),
		ApplicantPhone: a.GuardianPhone, Channel: requests.Web, Locale: a.Locale, Via: "public", DistanceKm: a.km}
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
