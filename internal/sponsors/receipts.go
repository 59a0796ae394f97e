package sponsors

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/letterhead"
	"github.com/jolproject/jol/internal/store"
)

// Receipt is the acknowledgement of one gift, cash or in kind: its number
// within the sponsor's organisation and the year, and what was given. It
// is the content a print view or a PDF renders, in the sponsor's
// language (Locale).
type Receipt struct {
	ID          int64     `json:"id"`
	Code        string    `json:"code"` // "2026/17"
	Year        int       `json:"year"`
	Number      int       `json:"number"`
	OrgID       int64     `json:"org_id"`
	OrgName     string    `json:"org_name"`
	SponsorID   int64     `json:"sponsor_id"`
	SponsorName string    `json:"sponsor_name"`
	Locale      string    `json:"locale"`
	IssuedAt    time.Time `json:"issued_at"`
	// Letterhead is the organisation's, which heads the receipt and whose
	// signatory signs it; OrgRegion is the region of the organisation,
	// the letterhead's line when it has none; Signer the person who
	// recorded the gift, who signs it when the letterhead names nobody.
	// All three are read with the receipt whole, not in a list.
	Letterhead *letterhead.Letterhead `json:"letterhead,omitempty"`
	OrgRegion  Names                  `json:"org_region,omitzero"`
	Signer     string                 `json:"signer,omitempty"`
	// A cash gift's.
	Gift *Gift `json:"gift,omitempty"`
	// A donation in kind's: its ledger document and lines, item names in
	// Locale.
	DocID int64         `json:"doc_id,omitempty"`
	Lines []ReceiptLine `json:"lines,omitempty"`
}

// ReceiptLine is an item of a gift in kind.
type ReceiptLine struct {
	ItemID   int64  `json:"item_id"`
	Item     string `json:"item"`
	Size     string `json:"size,omitempty"`
	Quantity int64  `json:"quantity"`
}

func receiptCode(year, number int) string {
	if number == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", year, number)
}

// issue writes the next receipt of sponsor sp's organisation in year, for
// gift or for the donation document doc. The counter row is taken by the
// UPDATE (a row lock on PostgreSQL, the write lock on SQLite) until the
// transaction ends, so parallel gifts number one after another, and a
// rolled back gift gives its number back: no gaps.
func (s *Service) issue(ctx context.Context, tx *sql.Tx, sp Sponsor, year int, gift, doc int64) (Receipt, error) {
	r := Receipt{Year: year, OrgID: sp.OrgID, SponsorID: sp.ID, IssuedAt: s.now().UTC()}
	if _, err := tx.ExecContext(ctx, s.q.NewCounter, sp.OrgID, year); err != nil {
		return Receipt{}, err
	}
	if err := tx.QueryRowContext(ctx, s.q.NextNumber, sp.OrgID, year).Scan(&r.Number); err != nil {
		return Receipt{}, err
	}
	if err := tx.QueryRowContext(ctx, s.q.InsertReceipt, r.OrgID, year, r.Number, sp.ID, store.NullID(gift),
		store.NullID(doc), r.IssuedAt).Scan(&r.ID); err != nil {
		return Receipt{}, err
	}
	r.Code = receiptCode(year, r.Number)
	return r, nil
}

// IssueDonationReceipt writes the receipt of a sponsor's donation in kind
// (a stock receipt of kind donation of the sponsor's donor); a donation
// has one receipt, and asking again answers the one it has.
func (s *Service) IssueDonationReceipt(ctx context.Context, p access.Principal, sponsor, doc int64) (Receipt, error) {
	if err := access.Can(p, access.ManageSponsors, p.Scope()); err != nil {
		return Receipt{}, err
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		sp, err := s.lockManaged(ctx, tx, p, sponsor)
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.q.ReceiptOfDoc, doc).Scan(&id); err == nil {
			return nil
		} else if err != sql.ErrNoRows {
			return err
		}
		gifts, err := s.stock.DonorDonations(ctx, tx, sp.ID)
		if err != nil {
			return err
		}
		for _, g := range gifts {
			if g.DocID == doc {
				r, err := s.issue(ctx, tx, sp, g.At.Year(), 0, doc)
				id = r.ID
				if err != nil {
					return err
				}
				return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "receipt", EntityID: itoa(r.ID),
					OrgPath: sp.orgPath, After: r})
			}
		}
		return errs.Validation(errs.Field("doc_id", "error.sponsor_donation_unknown"))
	})
	if err != nil {
		return Receipt{}, err
	}
	return s.Receipt(ctx, p, id)
}

// Receipts lists sponsor id's receipts, newest first, without their
// lines.
func (s *Service) Receipts(ctx context.Context, p access.Principal, id int64) ([]Receipt, error) {
	sp, err := s.Get(ctx, p, id)
	if err != nil {
		return nil, err
	}
	rs, err := store.Select(ctx, s.db.R, scanReceipt, s.q.Receipts, id)
	for i := range rs {
		rs[i].SponsorName, rs[i].Locale = sp.Name, sp.Locale(s.def(ctx))
	}
	return rs, err
}

// Receipt returns receipt id whole, in its sponsor's language, when p may
// see the sponsor.
func (s *Service) Receipt(ctx context.Context, p access.Principal, id int64) (Receipt, error) {
	r, err := scanReceipt(s.db.R.QueryRowContext(ctx, s.q.ReceiptByID, id))
	if err != nil {
		return Receipt{}, store.NotFound(err)
	}
	sp, err := s.Get(ctx, p, r.SponsorID)
	if err != nil {
		return Receipt{}, err
	}
	r.SponsorName, r.Locale = sp.Name, sp.Locale(s.def(ctx))
	n := &r.OrgRegion
	if err := s.db.R.QueryRowContext(ctx, s.q.ReceiptHead, id).Scan(&n.EN, &n.KK, &n.RU, &n.FR, &n.FA,
		&r.Signer); err != nil {
		return Receipt{}, err
	}
	head, err := s.heads.Of(ctx, s.db.R, r.OrgID, r.OrgName)
	if err != nil {
		return Receipt{}, err
	}
	r.Letterhead = &head
	if r.Gift != nil {
		g, err := scanGift(s.db.R.QueryRowContext(ctx, s.q.GiftByID, r.Gift.ID))
		if err != nil {
			return Receipt{}, err
		}
		r.Gift = &g
		return r, nil
	}
	gifts, err := s.stock.DonorDonations(ctx, s.db.R, sp.ID)
	if err != nil {
		return Receipt{}, err
	}
	names, err := s.itemNames(ctx)
	if err != nil {
		return Receipt{}, err
	}
	for _, g := range gifts {
		if g.DocID == r.DocID {
			for _, l := range g.Lines {
				r.Lines = append(r.Lines, ReceiptLine{ItemID: l.ItemID, Item: names[l.ItemID].In(r.Locale), Size: l.Size,
					Quantity: l.Quantity})
			}
		}
	}
	return r, nil
}

func scanReceipt(sc store.Scanner) (Receipt, error) {
	var r Receipt
	var gift, doc sql.NullInt64
	err := sc.Scan(&r.ID, &r.OrgID, &r.OrgName, &r.Year, &r.Number, &r.SponsorID, &gift, &doc, &r.IssuedAt)
	r.Code, r.DocID, r.IssuedAt = receiptCode(r.Year, r.Number), doc.Int64, r.IssuedAt.UTC()
	if gift.Valid {
		r.Gift = &Gift{ID: gift.Int64}
	}
	return r, err
}
