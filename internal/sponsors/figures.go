package sponsors

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
)

// Totals are the gifts and pledges of one campaign (or of every
// campaign), as aggregates of the sponsors a reader may see: what the
// dashboard and the final report show. Money is kept per currency and
// never added across currencies.
type Totals struct {
	Sponsors int              `json:"sponsors"`
	Money    []CurrencyTotals `json:"money"`
	// InKind is the units received in donations from those sponsors: for
	// a campaign, from its sponsors, of the items it offers, during its
	// period.
	InKind int64 `json:"in_kind"`
	// Pledges made, fulfilled, open (not fulfilled) and of the open ones
	// overdue (due before today).
	Pledges          int `json:"pledges"`
	PledgesFulfilled int `json:"pledges_fulfilled"`
	PledgesOpen      int `json:"pledges_open"`
	PledgesOverdue   int `json:"pledges_overdue"`
	// Units pledged in kind, and of them received towards the pledges.
	UnitsPledged   int64 `json:"units_pledged"`
	UnitsFulfilled int64 `json:"units_fulfilled"`
}

// CurrencyTotals are the cash given and pledged in one currency, in minor
// units; Fulfilled is the part of Pledged matched to gifts (never more
// than each pledge's amount).
type CurrencyTotals struct {
	Currency  Currency `json:"currency"`
	Gifts     int      `json:"gifts"`
	Given     int64    `json:"given"`
	Pledged   int64    `json:"pledged"`
	Fulfilled int64    `json:"fulfilled"`
}

// Totals adds up the gifts and pledges of campaign (0: every campaign) of
// the sponsors recorded within p's organisation subtree. p must be staff
// who may view sponsors.
func (s *Service) Totals(ctx context.Context, p access.Principal, campaign int64) (Totals, error) {
	if err := access.Can(p, access.ViewSponsors, p.Scope()); err != nil {
		return Totals{}, err
	}
	lo, hi := access.Span(p.OrgPath)
	var t Totals
	if err := s.db.R.QueryRowContext(ctx, s.q.FigureSponsors, lo, hi, campaign).Scan(&t.Sponsors); err != nil {
		return Totals{}, err
	}
	money := map[Currency]*CurrencyTotals{}
	for _, c := range Currencies() {
		money[c] = &CurrencyTotals{Currency: c}
	}
	rows, err := s.db.R.QueryContext(ctx, s.q.FigureGifts, lo, hi, campaign)
	if err != nil {
		return Totals{}, err
	}
	for rows.Next() {
		var c CurrencyTotals
		if err := rows.Scan(&c.Currency, &c.Given, &c.Gifts); err != nil {
			rows.Close()
			return Totals{}, err
		}
		if m := money[c.Currency]; m != nil {
			m.Given, m.Gifts = c.Given, c.Gifts
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Totals{}, err
	}
	pledges, err := s.pledges(ctx, s.db.R, s.q.FigurePledges, lo, hi, campaign)
	if err != nil {
		return Totals{}, err
	}
	for _, pl := range pledges {
		t.count(pl, money)
	}
	for _, c := range Currencies() {
		if m := money[c]; m.Gifts > 0 || m.Pledged > 0 {
			t.Money = append(t.Money, *m)
		}
	}
	from, to, err := s.period(ctx, campaign)
	if err != nil {
		return Totals{}, err
	}
	err = s.db.R.QueryRowContext(ctx, s.q.FigureInKind, lo, hi, campaign, from, to).Scan(&t.InKind)
	return t, err
}

// count adds pledge pl to t: money pledges to their currency.
func (t *Totals) count(pl Pledge, money map[Currency]*CurrencyTotals) {
	t.Pledges++
	came := min(pl.Fulfilled, pl.Promised())
	switch pl.Status {
	case PledgeFulfilled:
		t.PledgesFulfilled++
	case PledgeOverdue:
		t.PledgesOpen++
		t.PledgesOverdue++
	default:
		t.PledgesOpen++
	}
	if pl.Kind == Items {
		t.UnitsPledged += pl.Quantity
		t.UnitsFulfilled += came
		return
	}
	if m := money[pl.Currency]; m != nil {
		m.Pledged += pl.Amount
		m.Fulfilled += came
	}
}

// period is the days of campaign as [from, to): its start to the day
// after its end. Every campaign (0) has no bounds.
func (s *Service) period(ctx context.Context, campaign int64) (time.Time, time.Time, error) {
	if campaign == 0 {
		return time.Time{}, time.Time{}, nil
	}
	var from, to time.Time
	err := s.db.R.QueryRowContext(ctx, s.q.FigurePeriod, campaign).Scan(&from, &to)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, time.Time{}, errs.ErrNotFound
	}
	return from.UTC(), to.UTC().AddDate(0, 0, 1), err
}
