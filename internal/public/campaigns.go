package public

import (
	"context"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// Campaigns is what the public side needs of the campaigns: one campaign
// by the short name in its links. The services package implements it
// with the campaign service.
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
	Names         Names     // the campaign's name, in every language it is shown in
	Slogans       Names
	WhoMayApply   Names
	Regions       []Region // the regions it takes requests from (every region of its country: each of them)
	Items         []Item   // what it offers, in the order shown
	// Rules are the conditions of its current rule set, which the form
	// checks; Service.Campaign sets them (see Rules).
	Rules Conditions
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

// Set sets the text in locale; other locales are ignored.
func (n *Names) Set(locale, text string) {
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
