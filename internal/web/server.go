// Package web serves Jol's HTML pages: server-rendered, working without
// JavaScript, translated into the user's language and small enough for a
// slow rural connection. Handlers return errors; one function (kit.Fail)
// turns an error into a page.
//
// The pages live in rooms, one package per domain beside this one
// (registry, guidance, importing, admin), each with its handlers and its
// own templates, on a shared kernel (package kit). This package keeps
// what is not any domain's: the server and its middleware, sessions, the
// login, setup, language and home pages, the menu, and the one route table
// (routes.go) that lists every page with the action it needs.
package web

import (
	"context"
	"embed"
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/web/kit"
)

// Options are how this installation serves its pages; Logger and Now
// have defaults.
type Options struct {
	Logger *slog.Logger     // nil discards the log
	Now    func() time.Time // nil is time.Now
	// SecureCookies marks the session cookie Secure; set it when Jol is
	// served over HTTPS (directly or behind a proxy).
	SecureCookies bool
	// TrustedProxies are the reverse proxies whose X-Forwarded-For header
	// names the client; without them every visitor behind a proxy would
	// share the proxy's address in the login throttle.
	TrustedProxies []netip.Prefix
}

// Server is the web surface.
type Server struct {
	Options
	svc      *services.Services
	sessions *scs.SessionManager
	kit      *kit.Kit
	tpl      *kit.Templates // the pages of this package: login, setup, home
	rooms    rooms
}

//go:embed templates
var templates embed.FS

// New serves the pages of svc. It parses every template, this package's
// and each room's, and fails if any is missing or broken, so a bad build
// never starts.
func New(svc *services.Services, o Options) (*Server, error) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	sm := scs.New()
	sm.Store = svc.Accounts.Sessions()
	sm.Lifetime = 12 * time.Hour
	// No scs IdleTimeout: it rewrites the session on every request. The
	// idle limit is enforced in newRequest, which refreshes the session's
	// last-seen time at most every sessionTouch.
	sm.Cookie.Name = "jol_session"
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = o.SecureCookies
	sm.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) {
		o.Logger.Error("session", "err", err, "path", r.URL.Path)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
	}
	s := &Server{Options: o, svc: svc, sessions: sm}
	var err error
	if s.kit, err = kit.New(o.Logger, o.Now, sm, s.navFor, safeNext); err != nil {
		return nil, err
	}
	s.kit.ClientIP = s.ClientIP
	if err := s.parse(); err != nil {
		return nil, err
	}
	return s, nil
}

// parse parses this package's templates and builds the rooms, each
// parsing its own.
func (s *Server) parse() error {
	var err error
	if s.tpl, err = s.kit.ParseRoom(templates); err != nil {
		return err
	}
	return s.rooms.build(s.kit, s.svc)
}

// page fills the layout's part of a view of this package's pages.
func (s *Server) page(r *http.Request, rq *request, titleKey string) kit.Page {
	return s.kit.Page(r, rq, titleKey)
}

// render shows one of this package's pages.
func (s *Server) render(w http.ResponseWriter, status int, name string, view any) {
	s.tpl.Render(w, status, name, view)
}

// flash stores a message key to show once on the next page.
func (s *Server) flash(r *http.Request, key string) { s.kit.Flash(r, key) }

// Mount registers the web pages on mux. Each page runs behind the same
// middleware: panic recovery, security headers, a body size limit (the
// route's own for an upload), protection against cross-site request
// forgery on every state-changing request, and sessions.
func (s *Server) Mount(mux *http.ServeMux) {
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, errCSRF)
	}))
	wrap := func(h http.Handler, maxBody int64) http.Handler {
		if maxBody <= 0 {
			maxBody = kit.MaxFormBytes
		}
		h = s.sessions.LoadAndSave(h)
		h = csrf.Handler(h)
		h = limitBody(h, maxBody)
		h = secureHeaders(h)
		return s.recoverer(h)
	}
	for _, rt := range s.routes() {
		mux.Handle(rt.method+" "+rt.pattern, wrap(s.adapt(rt), rt.maxBody))
	}
	mux.Handle("GET /static/", kit.StaticHandler())
	mux.Handle("/", wrap(s.adapt(route{h: func(http.ResponseWriter, *http.Request, *request) error {
		return errs.ErrNotFound
	}}), 0))
}

// CleanSessions deletes expired sessions every interval until ctx ends.
func (s *Server) CleanSessions(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := s.svc.Accounts.Sessions().DeleteExpired(ctx); err != nil && ctx.Err() == nil {
				s.Logger.Warn("delete expired sessions", "err", err)
			}
		}
	}
}
