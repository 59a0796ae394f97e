package kit

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"strings"

	"github.com/jolproject/jol/internal/i18n"
)

// assets are the layout, the partials every room shares, the kernel's own
// error page and the static files. A room's templates directory has the
// same shape: pages/*.html, each a page, and partials/*.html, shared by
// the room's pages.
//
//go:embed templates static
var assets embed.FS

// ownPages are the kernel's own pages (the error page).
var ownPages = mustSub(assets, "templates")

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err) // dir is a literal of this package
	}
	return sub
}

// fieldArgs is what the field partials (fields.html) show: one field of
// a form, labelled by its "field." message.
type fieldArgs struct {
	L       *i18n.Localizer
	Form    *Form
	Name    string
	Max     string // the most characters it takes
	Class   string // more classes for the field's box
	Options []Option
}

// textField describes a text field, a text area or a check box.
func textField(l *i18n.Localizer, f *Form, name, max, class string) fieldArgs {
	return fieldArgs{L: l, Form: f, Name: name, Max: max, Class: class}
}

// choiceField describes a select.
func choiceField(l *i18n.Localizer, f *Form, name string, opts []Option) fieldArgs {
	return fieldArgs{L: l, Form: f, Name: name, Options: opts}
}

// LangName names a language code in that language.
func LangName(code string) string { return i18n.Locale(code).NativeName() }

// Templates are the pages of one room, each parsed with the layout and
// the partials once at start.
type Templates struct {
	byName map[string]*template.Template
	logger *slog.Logger
}

// cssVersion is a digest of the static files (the style sheet, the
// handover screen's script), so their URLs change with them and browsers
// may keep them for a year.
func cssVersion() (string, error) {
	h := sha256.New()
	err := fs.WalkDir(assets, "static", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := assets.ReadFile(name)
		h.Write([]byte(name))
		h.Write(b)
		return err
	})
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)[:6]), nil
}

// ParseRoom parses the templates of a room, the directory "templates" of
// its embedded files, as Parse does with more.
func (k *Kit) ParseRoom(files fs.FS, more ...fs.FS) (*Templates, error) {
	room, err := fs.Sub(files, "templates")
	if err != nil {
		return nil, err
	}
	return k.Parse(room, more...)
}

// Parse parses a room's templates: every pages/*.html of room with the
// layout, the kernel's partials, room's partials/*.html and the
// partials/*.html of each of more (another room's parts a page of this one
// shows). Template names must be unique within that set. It fails on a
// broken template, so a bad build never starts.
func (k *Kit) Parse(room fs.FS, more ...fs.FS) (*Templates, error) {
	funcs := template.FuncMap{
		"static":   func(name string) string { return "/static/" + name + "?v=" + k.version },
		"add":      func(a, b int) int { return a + b },
		"invalid":  invalidAttrs,
		"int64":    func(n int) int64 { return int64(n) },
		"langname": LangName,
		"field":    textField,
		"choice":   choiceField,
	}
	base := template.New("layout").Funcs(funcs)
	seen := map[string]string{} // template name → the file defining it
	var err error
	for i, f := range append([]fs.FS{ownPages, room}, more...) {
		if i > 0 && f == ownPages {
			continue // the kernel's own pages: its partials are in already
		}
		if base, err = parsePartials(base, f, funcs, seen); err != nil {
			return nil, err
		}
	}
	if base, err = base.ParseFS(assets, "templates/layout.html"); err != nil {
		return nil, fmt.Errorf("layout: %w", err)
	}
	files, err := fs.Glob(room, "pages/*.html")
	if err != nil {
		return nil, err
	}
	t := &Templates{byName: map[string]*template.Template{}, logger: k.Logger}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		c, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if t.byName[name], err = c.ParseFS(room, f); err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
	}
	return t, nil
}

// parsePartials adds the partials/*.html of f to t. A name defined twice
// would silently replace the first definition, so it is an error.
func parsePartials(t *template.Template, f fs.FS, funcs template.FuncMap, seen map[string]string) (*template.Template, error) {
	files, err := fs.Glob(f, "partials/*.html")
	if err != nil {
		return nil, err
	}
	for _, file := range files {
		one, err := template.New("").Funcs(funcs).ParseFS(f, file)
		if err != nil {
			return nil, fmt.Errorf("partials: %w", err)
		}
		for _, d := range one.Templates() {
			if n := d.Name(); n != "" && n != path.Base(file) {
				if prev, ok := seen[n]; ok {
					return nil, fmt.Errorf("template %q is defined in %s and in %s", n, prev, file)
				}
				seen[n] = file
			}
		}
		if t, err = t.ParseFS(f, file); err != nil {
			return nil, fmt.Errorf("partials: %w", err)
		}
	}
	return t, nil
}

// Render executes a page into a buffer first, so a template failure is
// an error page rather than half a page.
func (t *Templates) Render(w http.ResponseWriter, status int, name string, view any) {
	tpl, ok := t.byName[name]
	if !ok {
		t.logger.Error("no such template", "name", name)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := tpl.ExecuteTemplate(&buf, "layout", view); err != nil {
		t.logger.Error("render", "template", name, "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	page := buf.Bytes()
	if v, ok := view.(localePage); ok && v.pageLocale() == i18n.FA {
		// A Persian page shows every number of its text in Persian digits,
		// not only those a template formatted: IDs, phones, counts, codes.
		page = i18n.FA.HTMLDigits(make([]byte, 0, len(page)+len(page)/4), page)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(page)
}

// localePage is a view that knows its page's language: every view embeds
// Page.
type localePage interface{ pageLocale() i18n.Locale }

// pageLocale is the language the page is written in.
func (p Page) pageLocale() i18n.Locale {
	if p.L == nil {
		return ""
	}
	return p.L.Locale()
}

// StaticHandler serves the static files, for a year: their URLs change
// with their content.
func StaticHandler() http.Handler {
	files := http.FileServerFS(mustSub(assets, "static"))
	return http.StripPrefix("/static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		files.ServeHTTP(w, r)
	}))
}

// Room is what every room's server is built on: the kernel and the room's
// templates, parsed once with the layout and the partials.
type Room struct {
	*Kit
	tpl *Templates
}

// NewRoom parses a room's templates as ParseRoom does; it fails on a
// broken one, so a bad build never starts.
func (k *Kit) NewRoom(files fs.FS, more ...fs.FS) (Room, error) {
	tpl, err := k.ParseRoom(files, more...)
	return Room{Kit: k, tpl: tpl}, err
}

// Render shows the room's page name with view.
func (r Room) Render(w http.ResponseWriter, status int, name string, view any) {
	r.tpl.Render(w, status, name, view)
}
