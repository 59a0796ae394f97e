// Package deeplink keeps the bot's deep links: the opaque keys printed on
// posters as t.me/<bot>?start=<key> and QR codes, each pointing at a
// campaign, a region, a distribution event or a youth organisation.
//
// A key is random and says nothing of what it points at; the target is
// kept here, checked to exist and to lie within the scope of the staff
// member who makes the link, and copied as the target's organisation and
// region paths so that lists are scoped like every other. A disabled link
// is kept, so the bot can tell a reader of an old poster that the link is
// no longer active rather than unknown. Nothing here is about a child.
package deeplink

import (
	"crypto/rand"
	"embed"
	"encoding/base64"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	Insert, Links, Count, ByID, ByKey, Disable string
}

// Kind is what a link points at.
type Kind string

// The kinds of target.
const (
	Campaign     Kind = "campaign"
	Region       Kind = "region"
	Event        Kind = "event" // a distribution event
	Organisation Kind = "organisation"
)

// Kinds lists every kind in a stable order.
func Kinds() []Kind { return []Kind{Campaign, Region, Event, Organisation} }

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, x := range Kinds() {
		if x == k {
			return true
		}
	}
	return false
}

// Deps are the services whose records a link may point at; each is asked
// whether the maker may see the target.
type Deps struct {
	Campaigns    *campaign.Service
	Distribution *distribution.Service
	Orgs         *orgs.Service
	Geo          *geo.Service
}

// Service keeps the links.
type Service struct {
	db  *store.DB
	log *audit.Log
	d   Deps
	now func() time.Time
	q   queries
}

// New returns the service on db; changes are recorded in log and now is
// the clock.
func New(db *store.DB, log *audit.Log, d Deps, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, d: d, now: now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("deeplink: %w", err)
	}
	return s, nil
}

// KeyLen is the length of a key: 12 random bytes in URL-safe base64,
// within the 64 characters of [A-Za-z0-9_-] Telegram allows a start
// parameter.
const KeyLen = 16

// newKey returns a fresh random key.
func newKey() (string, error) {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("deeplink: random key: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}

// URL is the link that opens the bot with key: https://t.me/<bot>?start=<key>.
// It is "" when the bot's username is not known.
func URL(botUsername, key string) string {
	if botUsername == "" {
		return ""
	}
	return "https://t.me/" + botUsername + "?start=" + key
}
