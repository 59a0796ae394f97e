package admin

import (
	"net/http"
	"strings"

	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/settings"
	"github.com/jolproject/jol/internal/web/kit"
)

// settingsView is the installation's settings form.
type settingsView struct {
	Page
	Form      *form
	Languages []option
	Countries []option
	Calendars []option
	Timezones []option
}

// settingsFields are the fields of the form, in page order; they are the
// keys the settings service names in its field errors.
var settingsFields = []string{"name", "default_locale", "country", "calendar", "timezone", "dashboard_minutes", "youth_target", "bot_username", "site_address"}

// SettingsForm shows the settings as they are saved, or their defaults
// for those never saved.
func (s *Server) SettingsForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, settingsFields...)
	st, err := s.svc.Settings.Stored(r.Context()) // not the bot's name learned from Telegram
	if err != nil {
		return err
	}
	f.Values = map[string]string{"name": st.Name, "default_locale": st.DefaultLocale, "country": st.Country,
		"calendar": st.Calendar, "timezone": st.Timezone, "dashboard_minutes": st.DashboardMinutes,
		"youth_target": st.YouthTarget, "bot_username": st.BotUsername, "site_address": st.SiteAddress}
	s.renderSettings(w, r, rq, f, http.StatusOK)
	return nil
}

// SettingsUpdate saves the settings; the new name shows in the header of
// the page the browser is sent to.
func (s *Server) SettingsUpdate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, settingsFields...)
	in := settings.Settings{Name: f.Values["name"], DefaultLocale: f.Values["default_locale"],
		Country: f.Values["country"], Calendar: f.Values["calendar"], Timezone: f.Values["timezone"],
		DashboardMinutes: f.Values["dashboard_minutes"],
		YouthTarget:      f.Values["youth_target"],
		BotUsername:      strings.TrimPrefix(strings.TrimSpace(f.Values["bot_username"]), "@"),
		SiteAddress:      strings.TrimSuffix(strings.TrimSpace(f.Values["site_address"]), "/")}
	if err := s.svc.Settings.Update(r.Context(), rq.P, in); err != nil {
		if !f.Absorb(rq.L, err) {
			return err
		}
		s.renderSettings(w, r, rq, f, http.StatusUnprocessableEntity)
		return nil
	}
	s.Flash(r, "flash.saved")
	http.Redirect(w, r, "/admin/settings", http.StatusSeeOther)
	return nil
}

// renderSettings shows the form f with status: 200 as saved, 422 with the
// errors of a rejected change.
func (s *Server) renderSettings(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) {
	v := settingsView{Page: s.Page(r, rq, "settings.title"), Form: f,
		Languages: kit.LocaleOptions(f.Values["default_locale"], ""),
		Countries: countryOptions(rq.L, f.Values["country"]),
		Calendars: kit.Choices(settings.Calendars(), f.Values["calendar"], "", kit.Key[string](rq.L, "calendar.")),
		Timezones: kit.Choices(settings.Timezones(), f.Values["timezone"], "", func(z string) string { return z }),
	}
	s.Render(w, status, "settings", &v)
}

// countryOptions offers the countries Jol ships the regions of, named in
// the user's language, and both of them together ("").
func countryOptions(l *i18n.Localizer, selected string) []option {
	names := map[string]string{"": l.T("settings.country_all")}
	for _, c := range geo.Countries() {
		names[c.Code] = c.Name(string(l.Locale()))
	}
	return kit.Choices(settings.Countries(), selected, "", func(c string) string { return names[c] })
}
