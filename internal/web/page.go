package web

import (
	"net/http"
	"time"

	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/i18n"
)

// Page is what the layout needs; every page's view embeds it.
type Page struct {
	L        *i18n.Localizer
	Title    string
	AppName  string
	Calendar string
	User     *accounts.User
	Nav      []navItem
	Flash    string
	Path     string // the current URL, where the language switcher returns
	Locales  []i18n.Locale
	Refresh  int            // seconds after which the page reloads itself, for work in progress; 0 never
	loc      *time.Location // the installation's time zone
}

// Date shows the calendar date of t (a time.Time or *time.Time) in the
// installation's time zone and the page's calendar and digits.
func (p Page) Date(t any) string {
	tt, ok := p.local(t)
	if !ok {
		return ""
	}
	return p.L.DateWithCalendar(tt, p.Calendar)
}

// Day shows a calendar day the registry stores as UTC midnight (a date of
// birth, a document's dates) in the page's calendar and digits. Unlike
// Date it does not move the day to the installation's time zone, where a
// zone west of UTC would show the day before.
func (p Page) Day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return p.L.DateWithCalendar(t.UTC(), p.Calendar)
}

// DateTime is Date with the hour and minute.
func (p Page) DateTime(t any) string {
	tt, ok := p.local(t)
	if !ok {
		return ""
	}
	return p.L.DateTimeWithCalendar(tt, p.Calendar)
}

// local reads a template's time argument and moves it to the
// installation's time zone; false for nil or anything that is not a time.
func (p Page) local(v any) (time.Time, bool) {
	var t time.Time
	switch x := v.(type) {
	case time.Time:
		t = x
	case *time.Time:
		if x == nil {
			return t, false
		}
		t = *x
	default:
		return t, false
	}
	if p.loc == nil {
		return t.UTC(), true
	}
	return t.In(p.loc), true
}

// page fills the layout's part of a view for this request.
func (s *Server) page(r *http.Request, rq *request, titleKey string) Page {
	p := Page{L: rq.l, Title: rq.l.T(titleKey), AppName: rq.settings.Name, Calendar: calendarFor(rq.l.Locale(), rq.settings.Calendar), loc: rq.settings.Location(),
		User: rq.user, Path: r.URL.RequestURI(), Locales: i18n.All()}
	if p.AppName == "" {
		p.AppName = rq.l.T("app.name")
	}
	if rq.user != nil {
		p.Nav = navFor(rq.p, r.URL.Path)
		p.Flash = s.sessions.PopString(r.Context(), "flash")
		if p.Flash != "" {
			p.Flash = rq.l.T(p.Flash)
		}
	}
	return p
}

// calendarFor is the calendar dates are shown in: Persian pages always use
// the Solar Hijri calendar; other languages use the installation's choice.
func calendarFor(l i18n.Locale, setting string) string {
	if l == i18n.FA {
		return i18n.CalendarSolarHijri
	}
	return setting
}
