package settings

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // time zones are embedded: the binary needs no system zoneinfo

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/valid"
)

// Defaults are the settings of a new installation.
func Defaults() Settings {
	return Settings{Name: "Jol", DefaultLocale: "ru", Country: "KZ", Calendar: "gregorian", Timezone: "Asia/Almaty"}
}

// field is one setting: its key in the table and the field holding it.
type field struct {
	key string
	v   *string
}

func (s *Settings) fields() []field {
	return []field{{"name", &s.Name}, {"default_locale", &s.DefaultLocale}, {"country", &s.Country},
		{"calendar", &s.Calendar}, {"timezone", &s.Timezone}, {"dashboard_minutes", &s.DashboardMinutes},
		{"youth_target", &s.YouthTarget}, {"bot_username", &s.BotUsername},
		{"site_address", &s.SiteAddress}}
}

// Timezones lists the time zones offered in the settings form: those of
// Kazakhstan and Iran, then UTC. Any IANA name is accepted through the API.
func Timezones() []string {
	return []string{"Asia/Almaty", "Asia/Qostanay", "Asia/Qyzylorda", "Asia/Aqtobe", "Asia/Aqtau",
		"Asia/Atyrau", "Asia/Oral", "Asia/Tehran", "UTC"}
}

// Location is the installation's time zone, in which every date and time
// is shown; UTC when the name is unknown.
func (s Settings) Location() *time.Location {
	if loc, err := time.LoadLocation(s.Timezone); err == nil && s.Timezone != "" {
		return loc
	}
	return time.UTC
}

// MaxName is the longest installation name, in characters.
const MaxName = 100

// Countries lists the values Country may take: a country Jol ships the
// regions of, or "" for an installation working in both.
func Countries() []string { return []string{"KZ", "IR", ""} }

// Calendars lists the values Calendar may take.
func Calendars() []string { return []string{i18n.CalendarGregorian, i18n.CalendarSolarHijri} }

// Validate returns an Invalid error naming every field that is wrong.
func (s Settings) Validate() error {
	var fs []errs.FieldError
	fs = valid.Name(fs, "name", s.Name, MaxName)
	if !i18n.Locale(s.DefaultLocale).Valid() {
		fs = append(fs, valid.Choice("default_locale", i18n.All()...))
	}
	if !oneOf(s.Country, Countries()) {
		fs = append(fs, valid.Choice("country", Countries()...))
	}
	if !oneOf(s.Calendar, Calendars()) {
		fs = append(fs, valid.Choice("calendar", Calendars()...))
	}
	if _, err := time.LoadLocation(s.Timezone); err != nil || s.Timezone == "" || s.Timezone == "Local" {
		fs = append(fs, errs.Field("timezone", "error.invalid_timezone"))
	}
	if s.DashboardMinutes != "" {
		if n, err := strconv.Atoi(s.DashboardMinutes); err != nil || n < 1 || n > MaxDashboardMinutes {
			fs = append(fs, errs.Field("dashboard_minutes", "error.dashboard_minutes", "Max", MaxDashboardMinutes))
		}
	}
	if s.YouthTarget != "" {
		if n, err := strconv.Atoi(s.YouthTarget); err != nil || n < 1 || n > MaxYouthTarget {
			fs = append(fs, errs.Field("youth_target", "error.youth_target", "Max", MaxYouthTarget))
		}
	}
	if s.BotUsername != "" && !ValidBotUsername(s.BotUsername) {
		fs = append(fs, errs.Field("bot_username", "error.bot_username"))
	}
	if s.SiteAddress != "" && !ValidSiteAddress(s.SiteAddress) {
		fs = append(fs, errs.Field("site_address", "error.site_address"))
	}
	return errs.Validation(fs...)
}

// ValidSiteAddress reports whether addr is a site's address: http or
// https, a host, and no query or fragment.
func ValidSiteAddress(addr string) bool {
	u, err := url.Parse(addr)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.RawQuery == "" &&
		u.Fragment == "" && len(addr) <= 200
}

// ValidBotUsername reports whether name is a Telegram bot's username as
// Telegram allows them: 5 to 32 Latin letters, digits and underscores,
// starting with a letter and ending in "bot" (any case).
func ValidBotUsername(name string) bool {
	if len(name) < 5 || len(name) > 32 || !strings.HasSuffix(strings.ToLower(name), "bot") {
		return false
	}
	for i, r := range name {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (i == 0 || !(r >= '0' && r <= '9' || r == '_')) {
			return false
		}
	}
	return true
}

// MaxYouthTarget bounds YouthTarget.
const MaxYouthTarget = 10_000_000

// DefaultYouthTarget is the youth programme's target when none is set.
const DefaultYouthTarget = 20_000

// YouthTargetOrDefault is YouthTarget as a number, DefaultYouthTarget
// when not set.
func (s Settings) YouthTargetOrDefault() int {
	if n, err := strconv.Atoi(s.YouthTarget); err == nil && n >= 1 && n <= MaxYouthTarget {
		return n
	}
	return DefaultYouthTarget
}

// MaxDashboardMinutes bounds DashboardMinutes: a day.
const MaxDashboardMinutes = 1440

// DashboardMaxAge is how old the dashboard's counts may grow before a view
// asks for fresh ones: DashboardMinutes, ten minutes when not set.
func (s Settings) DashboardMaxAge() time.Duration {
	if n, err := strconv.Atoi(s.DashboardMinutes); err == nil && n >= 1 && n <= MaxDashboardMinutes {
		return time.Duration(n) * time.Minute
	}
	return 10 * time.Minute
}

func oneOf(v string, set []string) bool {
	for _, s := range set {
		if v == s {
			return true
		}
	}
	return false
}
