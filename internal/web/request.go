package web

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/web/kit"
)

// route is one entry of the route table: who may open it and what serves it.
type route struct {
	method  string
	pattern string
	// action is what the principal must be allowed to do somewhere in
	// their scope; "" marks a public page that needs no login.
	action access.Action
	h      kit.Handler
	// maxBody bounds the request body; 0 means kit.MaxFormBytes. Only a
	// route that takes an upload sets it (kit.MaxUploadBytes).
	maxBody int64
}

// request is what every handler knows about the caller; the rooms share it.
type request = kit.Request

var errCSRF = errs.New(errs.Forbidden, "error.csrf")

const (
	sessionUserKey = "uid"
	sessionSeenKey = "seen"
	// idleTimeout ends a session nobody has used for this long, for the
	// shared computers of centres and receptions.
	idleTimeout = 2 * time.Hour
	// sessionTouch is how stale the last-seen time may get before it is
	// rewritten: one write per user every few minutes, not per page.
	sessionTouch = 5 * time.Minute
)

// newRequest resolves the logged-in user (if any), the language and the
// installation settings.
func (s *Server) newRequest(r *http.Request) (*request, error) {
	ctx := r.Context()
	st, err := s.svc.Settings.Get(ctx)
	if err != nil {
		return nil, err
	}
	rq := &request{Settings: st}
	if id := s.sessions.GetInt64(ctx, sessionUserKey); id != 0 && s.fresh(ctx) {
		u, err := s.svc.Accounts.Lookup(ctx, id)
		switch {
		case err == nil && u.Active:
			rq.User, rq.P = &u, u.Principal()
		case err == nil || errs.CodeOf(err) == errs.NotFound:
			// Deactivated or deleted since login: the session ends here.
			_ = s.sessions.Destroy(ctx)
		default:
			return nil, err
		}
	}
	rq.L = s.svc.Catalog.Localizer(s.locale(r, rq)).WithCalendar(st.Calendar)
	return rq, nil
}

// fresh reports whether the session was used within idleTimeout, ending it
// otherwise, and records this use when the last one is getting old.
func (s *Server) fresh(ctx context.Context) bool {
	// Unix seconds, not time.Time: the session codec needs no registration for int64.
	now := s.Now().Unix()
	seen := s.sessions.GetInt64(ctx, sessionSeenKey)
	if seen != 0 && now-seen > int64(idleTimeout.Seconds()) {
		_ = s.sessions.Destroy(ctx)
		return false
	}
	if now-seen > int64(sessionTouch.Seconds()) {
		s.sessions.Put(ctx, sessionSeenKey, now)
	}
	return true
}

// locale picks the page language: the user's choice, then the language
// cookie, then the browser's Accept-Language, then the organisation's
// default, then the installation's.
func (s *Server) locale(r *http.Request, rq *request) i18n.Locale {
	fallback, ok := i18n.Parse(rq.Settings.DefaultLocale)
	if !ok {
		fallback = i18n.RU
	}
	var pref string
	if rq.User != nil {
		pref = rq.User.Locale
		if l, ok := i18n.Parse(rq.User.OrgLocale); ok {
			fallback = l
		}
	}
	var cookie string
	if c, err := r.Cookie(langCookie); err == nil {
		cookie = c.Value
	}
	return i18n.Negotiate(pref, cookie, r.Header.Get("Accept-Language"), fallback)
}

func (s *Server) adapt(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rq, err := s.newRequest(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if rt.action != "" {
			if rq.User == nil {
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			if !access.Allowed(rq.P, rt.action) {
				// A sponsor is told what a sponsor sees instead: their
				// own giving, never a child.
				key := "error.forbidden"
				if rq.P.Role == access.Sponsor {
					key = "error.sponsor_sees_giving"
				}
				s.kit.Fail(w, r, rq, errs.New(errs.Forbidden, key))
				return
			}
		}
		limit := rt.maxBody
		if limit <= 0 {
			limit = kit.MaxFormBytes
		}
		if bodyTooLarge(r, limit) {
			s.kit.Fail(w, r, rq, errs.New(errs.TooLarge, "error.too_large"))
			return
		}
		if err := rt.h(w, r, rq); err != nil {
			s.kit.Fail(w, r, rq, err)
		}
	})
}

// fail renders err for a request whose caller could not be resolved.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	rq := &request{L: s.svc.Catalog.Localizer(i18n.Negotiate("", "", r.Header.Get("Accept-Language"), i18n.RU))}
	s.kit.Fail(w, r, rq, err)
}
