package kit

import (
	"net/http"
	"time"

	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/i18n"
)

// LangCookie is the cookie the language switcher keeps a visitor's
// choice in; a page that speaks another's language by default (a
// guardian link speaks the young person's) still yields to it.
const LangCookie = "jol_lang"

// Page is what the layout needs; every page's view embeds it.
type Page struct {
	L        *i18n.Localizer
	Title    string
	AppName  string
	Calendar string
	User     *accounts.User
	Nav      []NavItem // the main menu
	UserNav  []NavItem // the user's own pages, in the menu under their name
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

// HourMinute is the hour and minute of t in the installation's time zone
// and the page's digits: the end of something that began the same day.
func (p Page) HourMinute(t any) string {
	tt, ok := p.local(t)
	if !ok {
		return ""
	}
	return p.L.Digits(tt.Format("15:04"))
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

// NavItem is one entry of the menu: a page (Href), or a section that
// opens a list of pages (Items, no Href). Current marks the page shown,
// and the section that holds it.
type NavItem struct {
	Href    string
	Key     string
	Current bool
	Items   []NavItem
}

// Menu is what the header offers a signed-in user: the main menu, and
// their own pages under their name (beside logging out).
type Menu struct {
	Main []NavItem
	Mine []NavItem
}

// Page fills the layout's part of a view for this request.
func (k *Kit) Page(r *http.Request, rq *Request, titleKey string) Page {
	p := Page{L: rq.L, Title: rq.L.T(titleKey), AppName: rq.Settings.Name, Calendar: calendarFor(rq.L.Locale(), rq.Settings.Calendar), loc: rq.Settings.Location(),
		User: rq.User, Path: r.URL.RequestURI(), Locales: i18n.All()}
	if p.AppName == "" {
		p.AppName = rq.L.T("app.name")
	}
	if rq.User != nil {
		m := k.Nav(r.Context(), rq.P, r.URL.Path)
		p.Nav, p.UserNav = m.Main, m.Mine
		p.Flash = k.sessions.PopString(r.Context(), "flash")
		if p.Flash != "" {
			p.Flash = rq.L.T(p.Flash)
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
