package web

import (
	"net/http"

	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/settings"
)

// settingsView is the installation's settings form.
type settingsView struct {
	Page
	Form      *form
	Languages []option
	Countries []option
	Calendars []option
}

// settingsFields are the fields of the form, in page order; they are the
// keys the settings service names in its field errors.
var settingsFields = []string{"name", "default_locale", "country", "calendar"}

func (s *Server) settingsForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := newForm(nil, settingsFields...)
	st := rq.settings
	f.Values = map[string]string{"name": st.Name, "default_locale": st.DefaultLocale, "country": st.Country, "calendar": st.Calendar}
	s.renderSettings(w, r, rq, f, http.StatusOK)
	return nil
}

// settingsUpdate saves the settings; the new name shows in the header of
// the page the browser is sent to.
func (s *Server) settingsUpdate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := newForm(r, settingsFields...)
	in := settings.Settings{Name: f.Values["name"], DefaultLocale: f.Values["default_locale"],
		Country: f.Values["country"], Calendar: f.Values["calendar"]}
	if err := s.Settings.Update(r.Context(), rq.p, in); err != nil {
		if !f.absorb(rq.l, err) {
			return err
		}
		s.renderSettings(w, r, rq, f, http.StatusUnprocessableEntity)
		return nil
	}
	s.flash(r, "flash.saved")
	http.Redirect(w, r, "/admin/settings", http.StatusSeeOther)
	return nil
}

func (s *Server) renderSettings(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) {
	loc := string(rq.l.Locale())
	country := map[string]string{"": rq.l.T("settings.country_all")}
	for _, c := range geo.Countries() {
		country[c.Code] = c.Name(loc)
	}
	v := settingsView{Page: s.page(r, rq, "settings.title"), Form: f,
		Languages: localeOptions(f.Values["default_locale"], ""),
		Countries: choices(settings.Countries(), f.Values["country"], "", func(c string) string { return country[c] }),
		Calendars: choices(settings.Calendars(), f.Values["calendar"], "", key[string](rq.l, "calendar.")),
	}
	s.render(w, status, "settings", &v)
}
