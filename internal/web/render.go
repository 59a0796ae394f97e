package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/i18n"
)

//go:embed templates static
var assets embed.FS

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

// pages holds every page template, each parsed with the layout once at start.
type pages struct {
	byName map[string]*template.Template
}

func parsePages() (*pages, error) {
	css, err := assets.ReadFile("static/app.css")
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(css)
	version := hex.EncodeToString(sum[:6])
	funcs := template.FuncMap{
		"static":  func(name string) string { return "/static/" + name + "?v=" + version },
		"add":     func(a, b int) int { return a + b },
		"invalid": invalidAttrs,
		"int64":   func(n int) int64 { return int64(n) },
		// langname names a language code in that language.
		"langname": func(code string) string { return i18n.Locale(code).NativeName() },
	}
	files, err := fs.Glob(assets, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{byName: map[string]*template.Template{}}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		t, err := template.New(name).Funcs(funcs).ParseFS(assets, "templates/layout.html", "templates/partials/*.html", f)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		p.byName[name] = t
	}
	return p, nil
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

// render executes a page into a buffer first, so a template failure is
// an error page rather than half a page.
func (s *Server) render(w http.ResponseWriter, status int, name string, view any) {
	t, ok := s.pages.byName[name]
	if !ok {
		s.Logger.Error("no such template", "name", name)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", view); err != nil {
		s.Logger.Error("render", "template", name, "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

func staticHandler() http.Handler {
	sub, _ := fs.Sub(assets, "static")
	files := http.FileServerFS(sub)
	return http.StripPrefix("/static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		files.ServeHTTP(w, r)
	}))
}

// calendarFor is the calendar dates are shown in: Persian pages always use
// the Solar Hijri calendar; other languages use the installation's choice.
func calendarFor(l i18n.Locale, setting string) string {
	if l == i18n.FA {
		return i18n.CalendarSolarHijri
	}
	return setting
}
