package sponsors

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// Gift is a cash gift, with the receipt written for it.
type Gift struct {
	ID         int64     `json:"id"`
	SponsorID  int64     `json:"sponsor_id"`
	CampaignID int64     `json:"campaign_id,omitempty"`
	PledgeID   int64     `json:"pledge_id,omitempty"`
	Amount     int64     `json:"amount"` // minor units of Currency
	Currency   Currency  `json:"currency"`
	GivenOn    time.Time `json:"given_on"`
	Method     Method    `json:"method"`
	Purpose    string    `json:"purpose,omitempty"`
	ReceiptID  int64     `json:"receipt_id"`
	Receipt    string    `json:"receipt"` // its number, "2026/17"
	CreatedAt  time.Time `json:"created_at"`
}

// GiftInput records a cash gift; PledgeID, when given, is a money pledge
// of the same sponsor and currency that the gift (partly) fulfils.
type GiftInput struct {
	SponsorID  int64     `json:"sponsor_id"`
	CampaignID int64     `json:"campaign_id"`
	PledgeID   int64     `json:"pledge_id"`
	Amount     int64     `json:"amount"`
	Currency   Currency  `json:"currency"`
	GivenOn    time.Time `json:"given_on"`
	Method     Method    `json:"method"`
	Purpose    string    `json:"purpose"`
}

// checkGift answers the field errors of in that need no database.
func checkGift(in *GiftInput) []errs.FieldError {
	in.Purpose = text.Clean(in.Purpose)
	var fs []errs.FieldError
	if in.Amount <= 0 || in.Amount > maxAmount {
		fs = append(fs, errs.Field("amount", "error.gift_amount"))
	}
	if !in.Currency.Valid() {
		fs = append(fs, errs.Field("currency", "error.gift_currency", "Value", string(in.Currency)))
	}
	switch in.Method {
	case BankTransfer, Cash, Card, OtherMethod:
	default:
		fs = append(fs, valid.Choice("method", Methods()...))
	}
	if in.GivenOn.IsZero() {
		fs = append(fs, errs.Field("given_on", "error.required", "Field", "given_on"))
	}
	return valid.Line(fs, "purpose", in.Purpose, MaxText)
}

// RecordGift records a cash gift and its receipt, numbered next in the
// sponsor's organisation and the gift's year, in one transaction.
func (s *Service) RecordGift(ctx context.Context, p access.Principal, in GiftInput) (Gift, error) {
	if err := access.Can(p, access.ManageSponsors, p.Scope()); err != nil {
		return Gift{}, err
	}
	if err := errs.Validation(checkGift(&in)...); err != nil {
		return Gift{}, err
	}
	g := Gift{SponsorID: in.SponsorID, CampaignID: in.CampaignID, PledgeID: in.PledgeID, Amount: in.Amount,
		Currency: in.Currency, GivenOn: store.Day(in.GivenOn), Method: in.Method, Purpose: in.Purpose,
		CreatedAt: s.now().UTC()}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		sp, err := s.lockManaged(ctx, tx, p, in.SponsorID)
		if err != nil {
			return err
		}
		if in.CampaignID != 0 {
			if err := s.checkRefs(ctx, tx, Input{CampaignIDs: []int64{in.CampaignID}}, 0); err != nil {
				return err
			}
		}
		if in.PledgeID != 0 {
			pl, err := s.pledge(ctx, tx, in.PledgeID)
			if err != nil || pl.SponsorID != sp.ID || pl.Kind != Money || pl.Currency != in.Currency {
				return errs.Validation(errs.Field("pledge_id", "error.gift_pledge"))
			}
		}
		if err := tx.QueryRowContext(ctx, s.q.InsertGift, g.SponsorID, store.NullID(g.CampaignID),
			store.NullID(g.PledgeID), g.Amount, string(g.Currency), g.GivenOn, string(g.Method), g.Purpose,
			store.NullID(p.UserID), g.CreatedAt).Scan(&g.ID); err != nil {
			return err
		}
		if g.PledgeID != 0 {
			if _, err := tx.ExecContext(ctx, s.q.InsertFulfilment, g.PledgeID, g.ID, nil, g.Amount, g.CreatedAt); err != nil {
				return err
			}
		}
		r, err := s.issue(ctx, tx, sp, g.GivenOn.Year(), g.ID, 0)
		if err != nil {
			return err
		}
		g.ReceiptID, g.Receipt = r.ID, r.Code
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "gift", EntityID: itoa(g.ID),
			OrgPath: sp.orgPath, After: g})
	})
	return g, err
}

// lockManaged reads sponsor id for a change p makes, taking its row.
func (s *Service) lockManaged(ctx context.Context, tx *sql.Tx, p access.Principal, id int64) (Sponsor, error) {
	if _, err := tx.ExecContext(ctx, s.q.LockSponsor, id); err != nil {
		return Sponsor{}, err
	}
	sp, err := s.get(ctx, tx, id)
	if errors.Is(err, errs.ErrNotFound) {
		return Sponsor{}, errs.Validation(errs.Field("sponsor_id", "error.sponsor_unknown"))
	}
	if err != nil {
		return Sponsor{}, err
	}
	if access.Can(p, access.ManageSponsors, sp.Target(p)) != nil {
		return Sponsor{}, errs.Validation(errs.Field("sponsor_id", "error.sponsor_unknown"))
	}
	return sp, nil
}

// Gifts lists sponsor id's cash gifts, newest first.
func (s *Service) Gifts(ctx context.Context, p access.Principal, id int64) ([]Gift, error) {
	if _, err := s.Get(ctx, p, id); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanGift, s.q.Gifts, id)
}

func scanGift(sc store.Scanner) (Gift, error) {
	var g Gift
	var campaign, pledge sql.NullInt64
	var year, number int
	err := sc.Scan(&g.ID, &g.SponsorID, &campaign, &pledge, &g.Amount, &g.Currency, &g.GivenOn, &g.Method, &g.Purpose,
		&g.CreatedAt, &g.ReceiptID, &year, &number)
	g.CampaignID, g.PledgeID, g.Receipt = campaign.Int64, pledge.Int64, receiptCode(year, number)
	g.GivenOn, g.CreatedAt = store.Day(g.GivenOn), g.CreatedAt.UTC()
	return g, err
}
