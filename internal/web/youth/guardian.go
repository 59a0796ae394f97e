package youth

import (
	"errors"
	"net/http"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/web/kit"
	"github.com/jolproject/jol/internal/youth"
)

// GuardianPerWindow bounds a client's tries at guardian links: a guardian
// opens their link and answers in a few requests, and a guesser of links
// is cut off as at the young people's own links.
const GuardianPerWindow = LinkPerWindow

// guardianView is the page a guardian link opens: the programme, the
// rules of a minor's mentoring, the young person's first name and age
// group, and the two answers; or, once answered or expired, only why it
// no longer asks (Closed) or the answer just given (Answered).
type guardianView struct {
	Page
	Invite    youth.GuardianInvite
	Token     string
	Langs     []langLink // the page in each language
	Closed    string     // why the link no longer asks, in the page's language
	Answered  youth.GuardianAnswer
	NoConsent bool // a refusal was just recorded
}

// langLink is the guardian page in one language.
type langLink struct {
	Locale  i18n.Locale
	Href    string
	Current bool
}

// Guardian shows the page of guardian link {token}. It speaks the young
// person's language unless the guardian chose another (?lang=, or the
// site's language switcher); an unknown link is the site's page not
// found, nothing more.
func (s *Server) Guardian(w http.ResponseWriter, r *http.Request, rq *request) error {
	if err := s.allow(r, "youth_guardian", GuardianPerWindow); err != nil {
		return err
	}
	inv, err := s.svc.Youth.GuardianByLink(r.Context(), r.PathValue("token"))
	if closed := closedKey(err); closed != "" {
		return s.renderGuardian(w, r, s.guardianLocale(r, rq, ""), guardianView{Closed: closed}, http.StatusGone)
	}
	if err != nil {
		return err
	}
	return s.renderGuardian(w, r, s.guardianLocale(r, rq, inv.Language), guardianView{Invite: inv}, http.StatusOK)
}

// GuardianAnswer takes the guardian's answer: "consent" or "decline".
func (s *Server) GuardianAnswer(w http.ResponseWriter, r *http.Request, rq *request) error {
	if err := s.allow(r, "youth_guardian", GuardianPerWindow); err != nil {
		return err
	}
	rq = s.guardianLocale(r, rq, "")
	a := youth.GuardianAnswer(r.PostFormValue("answer"))
	err := s.svc.Youth.AnswerGuardianLink(r.Context(), r.PathValue("token"), a)
	if closed := closedKey(err); closed != "" {
		return s.renderGuardian(w, r, rq, guardianView{Closed: closed}, http.StatusGone)
	}
	if err != nil {
		return err
	}
	return s.renderGuardian(w, r, rq, guardianView{Answered: a, NoConsent: a == youth.GuardianDeclines}, http.StatusOK)
}

// closedKey is the message of a link that no longer asks, "" for any
// other error.
func closedKey(err error) string {
	switch {
	case errors.Is(err, youth.ErrGuardianLinkUsed):
		return "error.youth_guardian_link_used"
	case errors.Is(err, youth.ErrGuardianLinkExpired):
		return "error.youth_guardian_link_expired"
	}
	return ""
}

// guardianLocale is rq speaking the guardian page's language: the one
// chosen on the page (?lang= or the answer form's lang), else the site's
// language cookie, else the young person's language first, else rq's.
func (s *Server) guardianLocale(r *http.Request, rq *request, youthLang string) *request {
	pick := r.FormValue("lang")
	if _, ok := i18n.Parse(pick); !ok {
		if c, err := r.Cookie(kit.LangCookie); err == nil {
			pick = c.Value
		} else {
			pick = youthLang
		}
	}
	l, ok := i18n.Parse(pick)
	if !ok {
		return rq
	}
	c := *rq
	c.L = s.svc.Catalog.Localizer(l)
	return &c
}

// renderGuardian renders v in rq's language, as a private page whose
// address the language switcher returns to without its query.
func (s *Server) renderGuardian(w http.ResponseWriter, r *http.Request, rq *request, v guardianView, status int) error {
	v.Page = s.Page(r, rq, "youth.guardian_title")
	v.Token = r.PathValue("token")
	v.Path = "/y/guardian/" + v.Token
	for _, l := range i18n.All() {
		v.Langs = append(v.Langs, langLink{Locale: l, Href: v.Path + "?lang=" + string(l), Current: l == rq.L.Locale()})
	}
	s.private(w, status, "youth_guardian", &v)
	return nil
}
