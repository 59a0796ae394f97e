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

	"github.com/jolproject/jol/internal/i18n"
)

//go:embed templates static
var assets embed.FS

// fieldArgs is what the field partials (fields.html) show: one field of
// a form, labelled by its "field." message.
type fieldArgs struct {
	L       *i18n.Localizer
	Form    *form
	Name    string
	Max     string // the most characters it takes
	Class   string // more classes for the field's box
	Options []option
}

// textField describes a text field, a text area or a check box.
func textField(l *i18n.Localizer, f *form, name, max, class string) fieldArgs {
	return fieldArgs{L: l, Form: f, Name: name, Max: max, Class: class}
}

// choiceField describes a select.
func choiceField(l *i18n.Localizer, f *form, name string, opts []option) fieldArgs {
	return fieldArgs{L: l, Form: f, Name: name, Options: opts}
}

// langname names a language code in that language.
func langname(code string) string { return i18n.Locale(code).NativeName() }

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
		"static":   func(name string) string { return "/static/" + name + "?v=" + version },
		"add":      func(a, b int) int { return a + b },
		"invalid":  invalidAttrs,
		"int64":    func(n int) int64 { return int64(n) },
		"langname": langname,
		"field":    textField,
		"choice":   choiceField,
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
