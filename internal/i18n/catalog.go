package i18n

import (
	"embed"
	"fmt"
	"time"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// localesFS holds the message catalogues, one JSON file per locale.
//
//go:embed locales/*.json
var localesFS embed.FS

// Catalog holds the parsed message catalogues of every supported locale.
// Build it once at start-up with New and share it: it is immutable and safe
// for concurrent use.
type Catalog struct {
	localizers map[Locale]*Localizer
}

// New parses the embedded catalogues. It returns an error, never panics, if
// a catalogue is missing or is not valid go-i18n JSON.
func New() (*Catalog, error) {
	bundle := goi18n.NewBundle(language.English)
	for _, l := range All() {
		path := "locales/" + string(l) + ".json"
		buf, err := localesFS.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("i18n: read catalogue %s: %w", path, err)
		}
		file, err := bundle.ParseMessageFileBytes(buf, path)
		if err != nil {
			return nil, fmt.Errorf("i18n: parse catalogue %s: %w", path, err)
		}
		if len(file.Messages) == 0 {
			return nil, fmt.Errorf("i18n: catalogue %s has no messages", path)
		}
	}
	c := &Catalog{localizers: make(map[Locale]*Localizer, len(All()))}
	for _, l := range All() {
		c.localizers[l] = &Localizer{locale: l, inner: goi18n.NewLocalizer(bundle, string(l))}
	}
	return c, nil
}

// Localizer returns the Localizer for l. An unsupported locale gets the
// English Localizer. A nil Catalog yields a Localizer whose T returns keys
// unchanged, which keeps templates rendering even if start-up went wrong.
func (c *Catalog) Localizer(l Locale) *Localizer {
	if c == nil {
		if !l.Valid() {
			l = EN
		}
		return &Localizer{locale: l}
	}
	if loc, ok := c.localizers[l]; ok {
		return loc
	}
	return c.localizers[EN]
}

// Localizer translates messages and formats values for one locale. It is
// immutable and safe for concurrent use; it is typically put into the
// request context or the template data of each request.
type Localizer struct {
	locale Locale
	inner  *goi18n.Localizer
	// calendar is the one Day arguments are written in; "" is the
	// locale's default.
	calendar string
}

// Locale returns the locale of l (EN for a nil Localizer).
func (l *Localizer) Locale() Locale {
	if l == nil {
		return EN
	}
	return l.locale
}

// Number formats n for the Localizer's locale; see Locale.Number.
func (l *Localizer) Number(n int64) string { return l.Locale().Number(n) }

// Decimal formats v in the localizer's locale, see Locale.Decimal.
func (l *Localizer) Decimal(v float64, places int) string { return l.Locale().Decimal(v, places) }

// Digits converts ASCII digits for the Localizer's locale; see Locale.Digits.
func (l *Localizer) Digits(s string) string { return l.Locale().Digits(s) }

// Date formats the calendar date of t; see Locale.Date.
func (l *Localizer) Date(t time.Time) string { return l.Locale().Date(t) }

// DateTime formats the date and time of t; see Locale.DateTime.
func (l *Localizer) DateTime(t time.Time) string { return l.Locale().DateTime(t) }

// DateWithCalendar formats the date of t in the given calendar; see
// Locale.DateWithCalendar.
func (l *Localizer) DateWithCalendar(t time.Time, calendar string) string {
	return l.Locale().DateWithCalendar(t, calendar)
}

// DateTimeWithCalendar formats the date and time of t in the given calendar;
// see Locale.DateTimeWithCalendar.
func (l *Localizer) DateTimeWithCalendar(t time.Time, calendar string) string {
	return l.Locale().DateTimeWithCalendar(t, calendar)
}
