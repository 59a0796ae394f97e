package web

import (
	"net/http"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/web/kit"
)

type loginView struct {
	kit.Page
	Email string
	Next  string
	Error string
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	if rq.User != nil {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return nil
	}
	v := loginView{Page: s.page(r, rq, "login.title"), Next: safeNext(r.URL.Query().Get("next"))}
	s.render(w, http.StatusOK, "login", &v)
	return nil
}

func (s *Server) login(w http.ResponseWriter, r *http.Request, rq *request) error {
	email, password := r.PostFormValue("email"), r.PostFormValue("password")
	next := safeNext(r.PostFormValue("next"))
	u, err := s.svc.Accounts.Authenticate(r.Context(), email, password, s.ClientIP(r))
	if err != nil {
		e := errs.As(err)
		if e == nil || (e.Code != errs.Unauthenticated && e.Code != errs.RateLimited) {
			return err
		}
		v := loginView{Page: s.page(r, rq, "login.title"), Email: email, Next: next, Error: rq.L.T(e.Key, e.Args...)}
		s.render(w, errs.HTTPStatus(e.Code), "login", &v)
		return nil
	}
	// A new session token on login, so a token planted before cannot ride it.
	if err := s.sessions.RenewToken(r.Context()); err != nil {
		return err
	}
	s.sessions.Put(r.Context(), sessionUserKey, u.ID)
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, rq *request) error {
	if err := s.sessions.Destroy(r.Context()); err != nil {
		return err
	}
	if err := s.sessions.RenewToken(r.Context()); err != nil {
		return err
	}
	s.flash(r, "logout.done")
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}

// safeNext keeps a redirect target on this site: a clean local path or
// "/". Browsers strip tabs and newlines from a Location and read "\\" as
// "/", so "/\t/evil.example" would become the protocol-relative
// "//evil.example"; the value is therefore checked as sent and once
// percent-decoded, and anything doubtful is refused rather than repaired.
func safeNext(next string) string {
	path, query, _ := strings.Cut(next, "?")
	decoded, err := url.PathUnescape(path)
	if err != nil || !localPath(path) || !localPath(decoded) || !cleanText(next, false) {
		return "/"
	}
	// An encoded space is common and harmless in a search that sent the
	// user to log in; an encoded control character is not.
	if q, err := url.QueryUnescape(query); err != nil || !cleanText(q, true) {
		return "/"
	}
	return next
}

// localPath reports whether p is a path on this site: one leading "/",
// then no "/" or "\\" straight after it, no backslash, space or control
// character anywhere, and hence no scheme or host.
func localPath(p string) bool {
	if len(p) == 0 || p[0] != '/' || strings.HasPrefix(p[1:], "/") || strings.ContainsRune(p, '\\') {
		return false
	}
	return cleanText(p, false)
}

// cleanText reports whether s holds no control character and no white
// space, except plain spaces when spaces is true.
func cleanText(s string, spaces bool) bool {
	for _, r := range s {
		if unicode.IsControl(r) || (unicode.IsSpace(r) && !(spaces && r == ' ')) || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// notFoundIfNot turns a failed precondition into a plain 404.
func notFoundIfNot(ok bool) error {
	if !ok {
		return errs.ErrNotFound
	}
	return nil
}
