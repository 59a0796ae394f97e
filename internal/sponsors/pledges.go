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

// PledgeKind is what a pledge promises.
type PledgeKind string

// The kinds of pledge.
const (
	Money PledgeKind = "money"
	Items PledgeKind = "items"
)

// PledgeStatus is where a pledge stands, derived when read: fulfilled
// when what came covers the promise; overdue when not and its due day has
// passed; partly fulfilled when something came; open otherwise.
type PledgeStatus string

// The statuses of a pledge.
const (
	PledgeOpen      PledgeStatus = "open"
	PledgePartly    PledgeStatus = "partly_fulfilled"
	PledgeFulfilled PledgeStatus = "fulfilled"
	PledgeOverdue   PledgeStatus = "overdue"
)

// Pledge is a promise of money (Amount in minor units of Currency) or of
// items (Quantity units of ItemID), and how much of it has come
// (Fulfilled, in the same units).
type Pledge struct {
	ID         int64        `json:"id"`
	SponsorID  int64        `json:"sponsor_id"`
	CampaignID int64        `json:"campaign_id,omitempty"`
	Kind       PledgeKind   `json:"kind"`
	Amount     int64        `json:"amount,omitempty"`
	Currency   Currency     `json:"currency,omitempty"`
	ItemID     int64        `json:"item_id,omitempty"`
	Quantity   int64        `json:"quantity,omitempty"`
	MadeOn     time.Time    `json:"made_on"`
	DueOn      time.Time    `json:"due_on"`
	Note       string       `json:"note,omitempty"`
	Fulfilled  int64        `json:"fulfilled"`
	Status     PledgeStatus `json:"status"`
	RemindedAt time.Time    `json:"reminded_at,omitzero"`
	CreatedAt  time.Time    `json:"created_at"`
	orgPath    string
}

// Promised is what the pledge promises, in the units of Fulfilled.
func (pl Pledge) Promised() int64 {
	if pl.Kind == Money {
		return pl.Amount
	}
	return pl.Quantity
}

// status derives the pledge's status on day today.
func (pl Pledge) status(today time.Time) PledgeStatus {
	switch {
	case pl.Fulfilled >= pl.Promised():
		return PledgeFulfilled
	case pl.DueOn.Before(today):
		return PledgeOverdue
	case pl.Fulfilled > 0:
		return PledgePartly
	}
	return PledgeOpen
}

// PledgeInput records a pledge.
type PledgeInput struct {
	SponsorID  int64      `json:"sponsor_id"`
	CampaignID int64      `json:"campaign_id"`
	Kind       PledgeKind `json:"kind"`
	Amount     int64      `json:"amount"`
	Currency   Currency   `json:"currency"`
	ItemID     int64      `json:"item_id"`
	Quantity   int64      `json:"quantity"`
	MadeOn     time.Time  `json:"made_on"`
	DueOn      time.Time  `json:"due_on"`
	Note       string     `json:"note"`
}

func checkPledge(in *PledgeInput) []errs.FieldError {
	in.Note = text.Clean(in.Note)
	var fs []errs.FieldError
	switch in.Kind {
	case Money:
		if in.Amount <= 0 || in.Amount > maxAmount {
			fs = append(fs, errs.Field("amount", "error.gift_amount"))
		}
		if !in.Currency.Valid() {
			fs = append(fs, errs.Field("currency", "error.gift_currency", "Value", string(in.Currency)))
		}
		in.ItemID, in.Quantity = 0, 0
	case Items:
		if in.Quantity <= 0 || in.Quantity > 1_000_000 {
			fs = append(fs, errs.Field("quantity", "error.gift_amount"))
		}
		if in.ItemID == 0 {
			fs = append(fs, errs.Field("item_id", "error.required", "Field", "item_id"))
		}
		in.Amount, in.Currency = 0, ""
	default:
		fs = append(fs, valid.Choice("kind", Money, Items))
	}
	if in.MadeOn.IsZero() {
		fs = append(fs, errs.Field("made_on", "error.required", "Field", "made_on"))
	}
	if in.DueOn.IsZero() {
		fs = append(fs, errs.Field("due_on", "error.required", "Field", "due_on"))
	} else if store.Day(in.DueOn).Before(store.Day(in.MadeOn)) {
		fs = append(fs, errs.Field("due_on", "error.pledge_due_before_made"))
	}
	return valid.Note(fs, "note", in.Note)
}

// Pledge records a pledge of a sponsor.
func (s *Service) Pledge(ctx context.Context, p access.Principal, in PledgeInput) (Pledge, error) {
	if err := access.Can(p, access.ManageSponsors, p.Scope()); err != nil {
		return Pledge{}, err
	}
	if err := errs.Validation(checkPledge(&in)...); err != nil {
		return Pledge{}, err
	}
	pl := Pledge{SponsorID: in.SponsorID, CampaignID: in.CampaignID, Kind: in.Kind, Amount: in.Amount,
		Currency: in.Currency, ItemID: in.ItemID, Quantity: in.Quantity, MadeOn: store.Day(in.MadeOn),
		DueOn: store.Day(in.DueOn), Note: in.Note, CreatedAt: s.now().UTC()}
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
		if in.ItemID != 0 {
			var one int
			if err := tx.QueryRowContext(ctx, s.q.ItemExists, in.ItemID).Scan(&one); errors.Is(err, sql.ErrNoRows) {
				return errs.Validation(errs.Field("item_id", "error.pledge_item_unknown"))
			} else if err != nil {
				return err
			}
		}
		if err := tx.QueryRowContext(ctx, s.q.InsertPledge, pl.SponsorID, store.NullID(pl.CampaignID), string(pl.Kind),
			pl.Amount, string(pl.Currency), store.NullID(pl.ItemID), pl.Quantity, pl.MadeOn, pl.DueOn, pl.Note,
			store.NullID(p.UserID), pl.CreatedAt).Scan(&pl.ID); err != nil {
			return err
		}
		pl.Status = pl.status(s.today())
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "pledge", EntityID: itoa(pl.ID),
			OrgPath: sp.orgPath, After: pl})
	})
	return pl, err
}

// Pledges lists sponsor id's pledges, newest first, with their status.
func (s *Service) Pledges(ctx context.Context, p access.Principal, id int64) ([]Pledge, error) {
	if _, err := s.Get(ctx, p, id); err != nil {
		return nil, err
	}
	return s.pledges(ctx, s.db.R, s.q.Pledges, id)
}

func (s *Service) pledges(ctx context.Context, q store.Querier, query string, args ...any) ([]Pledge, error) {
	today := s.today()
	return store.Select(ctx, q, func(sc store.Scanner) (Pledge, error) {
		pl, err := scanPledge(sc)
		pl.Status = pl.status(today)
		return pl, err
	}, query, args...)
}

// pledge reads pledge id, unchecked.
func (s *Service) pledge(ctx context.Context, q store.Querier, id int64) (Pledge, error) {
	pl, err := scanPledge(q.QueryRowContext(ctx, s.q.PledgeByID, id))
	pl.Status = pl.status(s.today())
	return pl, store.NotFound(err)
}

// MatchDonation counts a donation in kind of the pledge's sponsor (a
// stock receipt of its donor) towards an items pledge: the units of the
// pledged item it brought. A donation counts once towards a pledge.
func (s *Service) MatchDonation(ctx context.Context, p access.Principal, pledge, doc int64) (Pledge, error) {
	if err := access.Can(p, access.ManageSponsors, p.Scope()); err != nil {
		return Pledge{}, err
	}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		pl, err := s.pledge(ctx, tx, pledge)
		if err != nil {
			return err
		}
		sp, err := s.lockManaged(ctx, tx, p, pl.SponsorID)
		if err != nil {
			return errs.ErrNotFound
		}
		if pl.Kind != Items {
			return errs.Validation(errs.Field("doc_id", "error.pledge_not_items"))
		}
		gifts, err := s.stock.DonorDonations(ctx, tx, sp.ID)
		if err != nil {
			return err
		}
		var units int64
		for _, g := range gifts {
			for _, l := range g.Lines {
				if g.DocID == doc && l.ItemID == pl.ItemID {
					units += l.Quantity
				}
			}
		}
		if units == 0 {
			return errs.Validation(errs.Field("doc_id", "error.pledge_item_missing"))
		}
		if _, err := tx.ExecContext(ctx, s.q.InsertFulfilment, pl.ID, nil, doc, units, s.now().UTC()); err != nil {
			if store.IsUniqueViolation(err) {
				return errs.Validation(errs.Field("doc_id", "error.pledge_matched"))
			}
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "match", Entity: "pledge", EntityID: itoa(pl.ID),
			OrgPath: sp.orgPath, After: map[string]int64{"doc_id": doc, "units": units}})
	})
	if err != nil {
		return Pledge{}, err
	}
	return s.pledge(ctx, s.db.R, pledge)
}

func scanPledge(sc store.Scanner) (Pledge, error) {
	var pl Pledge
	var campaign, item sql.NullInt64
	var reminded sql.NullTime
	err := sc.Scan(&pl.ID, &pl.SponsorID, &campaign, &pl.Kind, &pl.Amount, &pl.Currency, &item, &pl.Quantity, &pl.MadeOn,
		&pl.DueOn, &pl.Note, &reminded, &pl.CreatedAt, &pl.Fulfilled, &pl.orgPath)
	pl.CampaignID, pl.ItemID, pl.RemindedAt = campaign.Int64, item.Int64, store.TimeOf(reminded)
	pl.MadeOn, pl.DueOn, pl.CreatedAt = store.Day(pl.MadeOn), store.Day(pl.DueOn), pl.CreatedAt.UTC()
	return pl, err
}
