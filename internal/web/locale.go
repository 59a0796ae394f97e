package web

import (
	"net/http"
	"time"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/web/kit"
)

// langCookie keeps a visitor's choice of language.
const langCookie = kit.LangCookie

// setLocale is the language switcher: it remembers the choice in a cookie
// and, for a logged-in user, in their profile, then returns to the page.
func (s *Server) setLocale(w http.ResponseWriter, r *http.Request, rq *request) error {
	l, ok := i18n.Parse(r.PostFormValue("lang"))
	if ok {
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: string(l), Path: "/", MaxAge: int((365 * 24 * time.Hour).Seconds()),
			HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.SecureCookies})
		if rq.User != nil {
			if err := s.svc.Accounts.SetLocale(r.Context(), rq.User.ID, string(l)); err != nil {
				return err
			}
		}
	}
	http.Redirect(w, r, safeNext(r.PostFormValue("next")), http.StatusSeeOther)
	return nil
}
