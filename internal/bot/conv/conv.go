// Package conv is the bot's conversation engine: where each chat stands,
// kept in the database so that a restart loses nothing, and a small
// framework of flows that the bot's conversations plug into.
//
// A flow is a set of named steps; each step asks its question (a text in
// the chat's language with inline buttons, or Telegram's button that
// shares the user's own phone number) and answers what comes back: it
// stays, goes to another step, or ends the flow. The Engine (a
// bot.Handler) routes every update of a chat to the step the chat is in,
// or to a command (/start with a deep link's key, /language, /help,
// /cancel, /link with a staff member's one-time code), and turns bad
// input into the question again. Each question raises the conversation's
// version, which its buttons carry: a button of an older question gets a
// short notice and changes nothing.
//
// The package also keeps the link between a chat and a staff member's
// Jol account, made with a one-time code shown on their web page
// (code.go); LinkedUser tells a flow whom a chat belongs to.
package conv

import (
	"crypto/rand"
	"embed"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/settings"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	Load, Save, UnlinkOthers, UnlinkUser, LinkedUser, LinkedChat string
	DropExpired, PutCode, TryCode, DropCode, PendingCode         string
	ChatLocale, Restart                                          string
}

// Deps are what the conversations read: the deep links, the settings
// (the installation's default language), the accounts of linked staff
// and the catalogues.
type Deps struct {
	Links    *deeplink.Service
	Settings *settings.Service
	Accounts *accounts.Service
	Catalog  *i18n.Catalog
}

// Service keeps the conversations and the links of chats to accounts.
type Service struct {
	db  *store.DB
	log *audit.Log
	d   Deps
	now func() time.Time
	key []byte // keys the hashes of one-time codes (code.go)
	q   queries
}

// New returns the service on db; links and unlinks are recorded in log,
// now is the clock.
func New(db *store.DB, log *audit.Log, d Deps, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, d: d, now: now, key: make([]byte, 32)}
	if _, err := rand.Read(s.key); err != nil {
		return nil, fmt.Errorf("conv: code key: %w", err)
	}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("conv: %w", err)
	}
	return s, nil
}
