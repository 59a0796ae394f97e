package public

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Campaigns is what the public side needs of the campaigns: one campaign
// by the short name in its links. The campaign service implements it when
// it is wired in; until then Tables reads the campaign tables.
type Campaigns interface {
	// PublicCampaign returns the campaign named slug with its regions and
	// the items it offers, or errs.ErrNotFound when there is none or it is
	// still a draft.
	PublicCampaign(ctx context.Context, slug string) (Campaign, error)
}

// Campaign is a campaign as a family sees it.
type Campaign struct {
	ID            int64
	Slug          string
	Programme     string // kits, devices, delivery, out_of_school, mentoring
	Status        string // open, closed, reported (never draft)
	OrganiserID   int64
	OrganiserPath string
	StartsOn      time.Time
	ApplyUntil    time.Time // the last day of applications
	Names         Names
	Regions       []Region // the regions it takes requests from (every region of its country: each of them)
	Items         []Item   // what it offers, in the order shown
	// MinAge and MaxAge bound the age of the children it serves, in whole
	// years on the day of the application.
	MinAge, MaxAge int
}

// Open reports whether the campaign takes applications on day today.
func (c Campaign) Open(today time.Time) bool {
	today = store.Day(today)
	return c.Status == "open" && !today.Before(store.Day(c.StartsOn)) && !today.After(store.Day(c.ApplyUntil))
}

// Region is a place a campaign serves.
type Region struct {
	ID    int64
	Code  string
	Path  string
	Names Names
}

// Item is a catalogue entry a campaign offers.
type Item struct {
	ID     int64
	Code   string
	Sizing string // none, clothes, shoes
	IsKit  bool
	Names  Names
}

// Names are a text in the five languages; In falls back to English, then
// to Russian.
type Names struct{ EN, KK, RU, FR, FA string }

// In returns the text in locale.
func (n Names) In(locale string) string {
	s := map[string]string{"en": n.EN, "kk": n.KK, "ru": n.RU, "fr": n.FR, "fa": n.FA}[locale]
	for _, v := range []string{s, n.EN, n.RU, n.KK} {
		if v != "" {
			return v
		}
	}
	return ""
}

// ages are the ages each programme serves when the campaign does not say:
// school age for the school programmes, 14 to 29 for mentoring.
var ages = map[string][2]int{
	"kits": {6, 17}, "devices": {6, 17}, "delivery": {6, 17}, "out_of_school": {6, 17}, "mentoring": {14, 29},
}

// tables reads campaigns from the campaign tables, read-only.
type tables struct {
	db *store.DB
	q  *queries
}

func (t tables) PublicCampaign(ctx context.Context, slug string) (Campaign, error) {
	var c Campaign
	var home string // the organiser's region path, "/KZ/KZ-35/"
	err := t.db.R.QueryRowContext(ctx, t.q.CampaignBySlug, slug).Scan(&c.ID, &c.Slug, &c.Programme, &c.Status,
		&c.OrganiserID, &c.OrganiserPath, &home, &c.StartsOn, &c.ApplyUntil)
	if errors.Is(err, sql.ErrNoRows) {
		return Campaign{}, errs.ErrNotFound
	}
	if err != nil {
		return Campaign{}, err
	}
	a, ok := ages[c.Programme]
	if !ok {
		a = [2]int{0, 29}
	}
	c.MinAge, c.MaxAge = a[0], a[1]
	texts, err := store.Select(ctx, t.db.R, func(sc store.Scanner) ([2]string, error) {
		var l [2]string
		return l, sc.Scan(&l[0], &l[1])
	}, t.q.CampaignTexts, c.ID)
	if err != nil {
		return Campaign{}, err
	}
	for _, l := range texts {
		set(&c.Names, l[0], l[1])
	}
	scanRegion := func(sc store.Scanner) (Region, error) {
		var r Region
		n := &r.Names
		return r, sc.Scan(&r.ID, &r.Code, &r.Path, &n.EN, &n.KK, &n.RU, &n.FR, &n.FA)
	}
	if c.Regions, err = store.Select(ctx, t.db.R, scanRegion, t.q.CampaignRegions, c.ID); err != nil {
		return Campaign{}, err
	}
	if len(c.Regions) == 0 { // every region: those of the organiser's country
		country, _, _ := strings.Cut(strings.TrimPrefix(home, "/"), "/")
		if c.Regions, err = store.Select(ctx, t.db.R, scanRegion, t.q.AllRegions, country); err != nil {
			return Campaign{}, err
		}
	}
	c.Items, err = store.Select(ctx, t.db.R, func(sc store.Scanner) (Item, error) {
		var it Item
		n := &it.Names
		return it, sc.Scan(&it.ID, &it.Code, &it.Sizing, &it.IsKit, &n.EN, &n.KK, &n.RU, &n.FR, &n.FA)
	}, t.q.CampaignItems, c.ID)
	return c, err
}

func set(n *Names, locale, text string) {
	switch locale {
	case "en":
		n.EN = text
	case "kk":
		n.KK = text
	case "ru":
		n.RU = text
	case "fr":
		n.FR = text
	case "fa":
		n.FA = text
	}
}
