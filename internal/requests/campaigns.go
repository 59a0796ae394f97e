package requests

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/errs"

	"github.com/jolproject/jol/internal/store"
)

// What the request pages need of campaigns and the catalogue: which
// campaigns take requests and what each offers. Campaigns themselves are
// the campaign package's; these are reads of its tables for choosing.

// CampaignChoice is a campaign as a list of requests or a form names it.
type CampaignChoice struct {
	ID     int64  `json:"id"`
	Slug   string `json:"slug"`
	Status string `json:"status"`
	Name   string `json:"name"`
}

// Campaigns lists the campaigns past their draft, newest first, named in
// locale where they have a name in it.
func (s *Service) Campaigns(ctx context.Context, locale string) ([]CampaignChoice, error) {
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (CampaignChoice, error) {
		var c CampaignChoice
		return c, sc.Scan(&c.ID, &c.Slug, &c.Status, &c.Name)
	}, s.q.CampaignChoices, locale)
}

// Window is when a campaign takes requests.
type Window struct {
	ID           int64
	Slug, Status string
	From, Until  time.Time // days, inclusive
}

// CampaignWindow returns the campaign with slug slug and when it takes
// requests; errs.ErrNotFound when there is none.
func (s *Service) CampaignWindow(ctx context.Context, slug string) (Window, error) {
	var w Window
	err := s.db.R.QueryRowContext(ctx, s.q.CampaignBySlug, slug).Scan(&w.ID, &w.Slug, &w.Status, &w.From, &w.Until)
	if errors.Is(err, sql.ErrNoRows) {
		return Window{}, errs.ErrNotFound
	}
	w.From, w.Until = store.Day(w.From), store.Day(w.Until)
	return w, err
}

// Item is an item of the catalogue as a campaign offers it.
type Item struct {
	ID     int64             `json:"id"`
	Code   string            `json:"code"`
	Sizing string            `json:"sizing"` // none, clothes, shoes
	Kit    bool              `json:"kit"`
	Names  map[string]string `json:"names"` // by locale; English always
}

// Name is the item's name in locale, English when it has none there.
func (it Item) Name(locale string) string {
	if n := it.Names[locale]; n != "" {
		return n
	}
	return it.Names["en"]
}

// Offer lists what campaign id offers, in the campaign's order.
func (s *Service) Offer(ctx context.Context, id int64) ([]Item, error) {
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (Item, error) {
		var it Item
		var en, kk, ru, fr, fa string
		err := sc.Scan(&it.ID, &it.Code, &it.Sizing, &it.Kit, &en, &kk, &ru, &fr, &fa)
		it.Names = map[string]string{"en": en, "kk": kk, "ru": ru, "fr": fr, "fa": fa}
		return it, err
	}, s.q.CampaignOffer, id)
}
