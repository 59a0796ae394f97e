// Package kit is the small kernel every room of the web surface shares:
// the request a handler serves (the user, their principal, their language,
// the installation's settings), the handler type of the one route table,
// the page base every view embeds, template rendering with the shared
// layout and partials, the one function that turns an error into a page,
// forms, choices, pagination and flash messages. Rooms (the packages
// beside kit, one per domain) hold their handlers and their own templates
// and use nothing of one another's but what they are handed.
package kit

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/settings"
)

// Handler serves one route of the route table; an error it returns is
// shown by Kit.Fail.
type Handler func(w http.ResponseWriter, r *http.Request, rq *Request) error

const (
	// MaxFormBytes bounds a request body; forms are small. Uploads get
	// their own larger limit on their own routes of the route table.
	MaxFormBytes = 1 << 20
	// MaxUploadBytes bounds an uploaded file (a photo, a region import).
	MaxUploadBytes = 10 << 20
	// UploadMemory is how much of an upload is kept in memory; the rest of
	// a file up to its route's limit waits in a temporary file.
	UploadMemory = 1 << 20
)

// Request is what every handler knows about the caller.
type Request struct {
	User     *accounts.User // nil when nobody is logged in
	P        access.Principal
	L        *i18n.Localizer
	Settings settings.Settings
}

// Kit is the shared part of the rooms: the log, the clock, the session
// (for flash messages), the menu and the error page.
type Kit struct {
	Logger *slog.Logger
	Now    func() time.Time
	// Nav is the menu the principal sees, marking the entry of path.
	Nav func(ctx context.Context, p access.Principal, path string) Menu
	// ClientIP is the address a request came from, through the trusted
	// proxies only: the public pages limit attempts by it.
	ClientIP func(r *http.Request) string
	// SafeNext keeps a redirect target on this site; it is the login
	// page's, so every "go back to" link is checked the same way.
	SafeNext func(next string) string
	sessions *scs.SessionManager
	limits   *public.Limiter // the public pages' attempts, see Allow
	version  string          // of the style sheet, for its cache-busting URL
	errPage  *Templates      // the error page, in the layout
}

// New builds the kit on the session manager. It parses the error page,
// and fails if the shared templates are broken.
func New(logger *slog.Logger, now func() time.Time, sessions *scs.SessionManager,
	nav func(context.Context, access.Principal, string) Menu, safeNext func(string) string) (*Kit, error) {
	k := &Kit{Logger: logger, Now: now, Nav: nav, SafeNext: safeNext, sessions: sessions,
		limits: public.NewLimiter(now, public.MaxKeys)}
	var err error
	if k.version, err = cssVersion(); err != nil {
		return nil, err
	}
	if k.errPage, err = k.Parse(ownPages); err != nil {
		return nil, err
	}
	return k, nil
}

// Flash stores a message key to show once on the next page.
func (k *Kit) Flash(r *http.Request, key string) { k.sessions.Put(r.Context(), "flash", key) }

// Today is the installation's calendar day, for ages and years.
func (k *Kit) Today(rq *Request) time.Time {
	y, m, d := k.Now().In(rq.Settings.Location()).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// SeeOther sends the browser on to url after a form was handled.
func SeeOther(w http.ResponseWriter, r *http.Request, url string) error {
	http.Redirect(w, r, url, http.StatusSeeOther)
	return nil
}
