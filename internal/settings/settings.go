// Package settings keeps the installation's settings — its name, default
// language, country, calendar and time zone — in the settings table, one
// row per key.
// A setting never saved reads as its default.
package settings

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
)

//go:embed queries*.sql
var queryFS embed.FS

type queries struct{ All, Put string }

// Settings are the installation's settings.
type Settings struct {
	Name          string `json:"name"`           // shown in the page title and e-mails
	DefaultLocale string `json:"default_locale"` // kk, ru, en, fr or fa
	Country       string `json:"country"`        // KZ, IR or "" for both
	Calendar      string `json:"calendar"`       // gregorian or solar_hijri
	Timezone      string `json:"timezone"`       // IANA name, e.g. Asia/Almaty
	// DashboardMinutes is how old, in minutes, the dashboard's counts may
	// grow before a view asks for fresh ones ("" for the default, 10).
	DashboardMinutes string `json:"dashboard_minutes,omitempty"`
	// YouthTarget is how many young people the youth programme sets out
	// to reach ("" for the default, 20,000); coverage is measured
	// against it.
	YouthTarget string `json:"youth_target,omitempty"`
	// BotUsername is the Telegram username of the installation's bot,
	// without "@" ("" when it has none): deep links and their QR codes
	// are written t.me/<BotUsername>?start=<key>.
	BotUsername string `json:"bot_username,omitempty"`
	// SiteAddress is the address people open Jol at (https://jol.example.org),
	// "" when not set: the bot writes the links it sends (a guardian's
	// consent link) on it.
	SiteAddress string `json:"site_address,omitempty"`
}

// Service reads and writes the settings.
type Service struct {
	db  *store.DB
	log *audit.Log
	now func() time.Time
	q   queries
	bot atomic.Pointer[string] // the bot's username as Telegram told it (botname.go)
}

// New returns the settings service on db; changes are recorded in log.
// now is the clock, kept for symmetry with the other services.
func New(db *store.DB, log *audit.Log, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, now: now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("settings: %w", err)
	}
	return s, nil
}

// Get returns the settings, with defaults for those never saved. Anyone may
// read them: the login page needs the name and language.
func (s *Service) Get(ctx context.Context) (Settings, error) {
	return s.readThrough(s.load(ctx, s.db.R))
}

// GetIn is Get read in q: for a caller inside a transaction (the bot's
// handler), which on PostgreSQL must not wait for a second connection
// of the pool its own holds.
func (s *Service) GetIn(ctx context.Context, q store.Querier) (Settings, error) {
	return s.readThrough(s.load(ctx, q))
}

// Update saves in after checking it; p needs ManageSettings. The change is
// recorded with the settings before and after; saving the same settings
// again writes nothing.
func (s *Service) Update(ctx context.Context, p access.Principal, in Settings) error {
	if err := access.Can(p, access.ManageSettings, access.Target{}); err != nil {
		return err
	}
	if err := in.Validate(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		old, err := s.load(ctx, tx)
		if err != nil || old == in {
			return err
		}
		for _, f := range in.fields() {
			if _, err := tx.ExecContext(ctx, s.q.Put, f.key, *f.v); err != nil {
				return fmt.Errorf("settings: save %s: %w", f.key, err)
			}
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "settings",
			EntityID: "installation", Before: old, After: in})
	})
}

func (s *Service) load(ctx context.Context, q store.Querier) (Settings, error) {
	out := Defaults()
	rows, err := q.QueryContext(ctx, s.q.All)
	if err != nil {
		return out, fmt.Errorf("settings: %w", err)
	}
	defer rows.Close()
	byKey := map[string]*string{}
	for _, f := range out.fields() {
		byKey[f.key] = f.v
	}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return out, err
		}
		if p, ok := byKey[k]; ok {
			*p = v
		}
	}
	return out, rows.Err()
}
