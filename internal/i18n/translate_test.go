package i18n

import (
	"strings"
	"testing"
)

func newCatalog(t *testing.T) *Catalog {
	t.Helper()
	c, err := New()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

func TestRussianPlurals(t *testing.T) {
	ru := newCatalog(t).Localizer(RU)
	for count, want := range map[int]string{
		1:   "1 ребёнок",
		2:   "2 ребёнка",
		4:   "4 ребёнка",
		5:   "5 детей",
		11:  "11 детей",
		12:  "12 детей",
		21:  "21 ребёнок",
		22:  "22 ребёнка",
		111: "111 детей",
	} {
		if got := ru.T("people.count", "Count", count); got != want {
			t.Errorf("T(people.count, %d) = %q, want %q", count, got, want)
		}
	}
}

func TestPluralsOtherLocales(t *testing.T) {
	c := newCatalog(t)
	tests := []struct {
		locale Locale
		count  int
		want   string
	}{
		{EN, 1, "1 child"},
		{EN, 0, "0 children"},
		{EN, 2, "2 children"},
		{FR, 0, "0 enfant"},
		{FR, 1, "1 enfant"},
		{FR, 2, "2 enfants"},
		{FR, 1000000, "1\u202f000\u202f000 d’enfants"},
		{KK, 3, "3 бала"},
		{FA, 3, "۳ کودک"},
	}
	for _, tt := range tests {
		if got := c.Localizer(tt.locale).T("people.count", "Count", tt.count); got != tt.want {
			t.Errorf("%s: T(people.count, %d) = %q, want %q", tt.locale, tt.count, got, tt.want)
		}
	}
}

func TestArguments(t *testing.T) {
	c := newCatalog(t)
	en, ru := c.Localizer(EN), c.Localizer(RU)
	// A single integer argument selects the plural form when there is no Count.
	if got, want := ru.T("login.locked", "Minutes", 2), "Слишком много попыток. Повторите через 2 минуты."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := en.T("login.locked", "Minutes", 1), "Too many attempts. Try again in 1 minute."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// Maps work as well as pairs, and integers are formatted for the locale.
	if got, want := en.T("pagination.showing", map[string]any{"Count": 1500}), "Showing 1,500 items"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := en.T("home.greeting", map[string]string{"Name": "Aigerim"}), "Welcome, Aigerim"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := ru.T("error.too_long", "Field", "Имя", "Count", 5), "Поле «Имя» должно быть не длиннее 5 символов."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := c.Localizer(FA).Locale(); got != FA {
		t.Errorf("Locale() = %q, want fa", got)
	}
}

func TestMissingKey(t *testing.T) {
	c := newCatalog(t)
	for _, l := range All() {
		if got := c.Localizer(l).T("no.such.key", "Count", 3); got != "no.such.key" {
			t.Errorf("%s: missing key gave %q", l, got)
		}
	}
	var nilCatalog *Catalog
	if got := nilCatalog.Localizer(FA).T("nav.home"); got != "nav.home" {
		t.Errorf("nil catalog gave %q", got)
	}
	var nilLocalizer *Localizer
	if got := nilLocalizer.T("nav.home", "odd"); got != "nav.home" {
		t.Errorf("nil localizer gave %q", got)
	}
	if got := c.Localizer("de").Locale(); got != EN {
		t.Errorf("unsupported locale gave a %q localizer", got)
	}
}

// TestEveryMessageRenders executes every message of every locale with all
// its placeholders filled, for counts that reach every plural form.
func TestEveryMessageRenders(t *testing.T) {
	c := newCatalog(t)
	en := readCatalogue(t, EN)
	for _, l := range All() {
		loc := c.Localizer(l)
		for key, e := range en {
			names, _ := placeholders(e.forms["other"])
			for _, count := range []int{0, 1, 2, 5, 21, 1000000} {
				args := []any{}
				for _, name := range names {
					args = append(args, name, "x")
				}
				args = append(args, "Count", count)
				got := loc.T(key, args...)
				if got == key || got == "" || strings.Contains(got, "{{") || strings.Contains(got, "<no value>") {
					t.Errorf("%s: T(%s, Count=%d) = %q", l, key, count, got)
				}
			}
		}
	}
}
