package settings_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/settings"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var (
	clock = func() time.Time { return time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC) }
	admin = access.Principal{UserID: 1, Name: "Admin", Role: access.Admin}
)

func setup(t *testing.T, db *store.DB) (*settings.Service, *audit.Log) {
	t.Helper()
	log, err := audit.New(db, clock)
	if err != nil {
		t.Fatal(err)
	}
	s, err := settings.New(db, log, clock)
	if err != nil {
		t.Fatal(err)
	}
	return s, log
}

func TestDefaultsUntilSaved(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s, _ := setup(t, db)
		got, err := s.Get(context.Background())
		want := settings.Settings{Name: "Jol", DefaultLocale: "ru", Country: "KZ", Calendar: "gregorian", Timezone: "Asia/Almaty"}
		if err != nil || got != want || settings.Defaults() != want {
			t.Fatalf("Get = %+v, %v", got, err)
		}
	})
}

func TestUpdateIsAudited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, log := setup(t, db)
		in := settings.Settings{Name: "Жол <b>Тегеран</b>", DefaultLocale: "fa", Country: "", Calendar: "solar_hijri", Timezone: "Asia/Tehran"}
		for range 2 { // the second save changes nothing and records nothing
			if err := s.Update(ctx, admin, in); err != nil {
				t.Fatal(err)
			}
		}
		if got, _ := s.Get(ctx); got != in {
			t.Fatalf("after update: %+v", got)
		}
		ch, _, err := log.Changes(ctx, admin, audit.Filter{Entity: "settings"}, store.Page{})
		if err != nil || len(ch) != 1 {
			t.Fatalf("changes = %+v, %v", ch, err)
		}
		e := ch[0]
		if e.Action != "update" || e.EntityID != "installation" || e.Actor != "Admin" || !e.At.Equal(clock()) ||
			e.Before != `{"name":"Jol","default_locale":"ru","country":"KZ","calendar":"gregorian","timezone":"Asia/Almaty"}` ||
			!strings.Contains(e.After, `"default_locale":"fa","country":"","calendar":"solar_hijri","timezone":"Asia/Tehran"`) {
			t.Fatalf("entry = %+v", e)
		}
	})
}

func TestUpdateIsCheckedAndValidated(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, _ := setup(t, db)
		coord := access.Principal{Role: access.Coordinator}
		if err := s.Update(ctx, coord, settings.Defaults()); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("coordinator updates settings: %v", err)
		}
		err := s.Update(ctx, admin, settings.Settings{Name: " ", DefaultLocale: "de", Country: "US", Calendar: "lunar", Timezone: "Mars/Olympus_Mons"})
		e := errs.As(err)
		if e == nil || e.Code != errs.Invalid || len(e.Fields) != 5 || e.Fields[0].Key != "error.required" ||
			e.Fields[1].Field != "default_locale" || e.Fields[2].Field != "country" || e.Fields[3].Key != "error.invalid_choice_of" ||
			fmt.Sprint(e.Fields[3].Args) != "[Choices gregorian, solar_hijri]" || e.Fields[4].Key != "error.invalid_timezone" {
			t.Fatalf("bad settings: %v", err)
		}
		long := settings.Defaults()
		long.Name = strings.Repeat("ә", 101)
		if e := errs.As(s.Update(ctx, admin, long)); e == nil || e.Fields[0].Key != "error.too_long" {
			t.Fatalf("long name: %v", e)
		}
		for _, minutes := range []string{"0", "1441", "ten", "-5"} {
			bad := settings.Defaults()
			bad.DashboardMinutes = minutes
			if e := errs.As(s.Update(ctx, admin, bad)); e == nil || len(e.Fields) != 1 || e.Fields[0].Field != "dashboard_minutes" {
				t.Fatalf("dashboard minutes %q: %v", minutes, e)
			}
		}
		if got, _ := s.Get(ctx); got != settings.Defaults() || got.DashboardMaxAge() != 10*time.Minute {
			t.Fatalf("refused updates changed the settings: %+v", got)
		}
	})
}

func TestLocationFallsBackToUTC(t *testing.T) {
	st := settings.Defaults()
	if got := st.Location().String(); got != "Asia/Almaty" {
		t.Fatalf("default location = %s", got)
	}
	// Almaty has been UTC+5 since 1 March 2024 (tz database 2024a).
	if _, off := time.Date(2026, 9, 1, 0, 0, 0, 0, st.Location()).Zone(); off != 5*3600 {
		t.Fatalf("Asia/Almaty offset = %d s, want UTC+5", off)
	}
	st.Timezone = "Nowhere/Special"
	if st.Location() != time.UTC {
		t.Fatal("an unknown zone is not UTC")
	}
}

// TestYouthTarget keeps the youth programme's target: 20,000 until set, a
// whole number from 1 up, refused otherwise with the field named.
func TestYouthTarget(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, _ := setup(t, db)
		if got, _ := s.Get(ctx); got.YouthTargetOrDefault() != settings.DefaultYouthTarget {
			t.Fatalf("default target: %d", got.YouthTargetOrDefault())
		}
		for _, target := range []string{"0", "many", "-3", "10000001"} {
			bad := settings.Defaults()
			bad.YouthTarget = target
			if e := errs.As(s.Update(ctx, admin, bad)); e == nil || len(e.Fields) != 1 || e.Fields[0].Field != "youth_target" {
				t.Fatalf("target %q: %v", target, e)
			}
		}
		st := settings.Defaults()
		st.YouthTarget = "25000"
		if err := s.Update(ctx, admin, st); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Get(ctx); got.YouthTargetOrDefault() != 25000 {
			t.Fatalf("target saved: %+v", got)
		}
	})
}

// TestBotUsername accepts a Telegram bot's username as Telegram allows
// them and refuses anything else beside its field.
func TestBotUsername(t *testing.T) {
	for name, ok := range map[string]bool{
		"jol_almaty_bot": true, "JolBot": true, "a1bot": true, "abot": false, "1jol_bot": false, "_jolbot": false,
		"jol-bot": false, "jol_almaty": false, "@jol_bot": false, "jol bot": false, "жол_bot": false,
		strings.Repeat("a", 30) + "bot": false, strings.Repeat("a", 29) + "bot": true,
	} {
		if settings.ValidBotUsername(name) != ok {
			t.Errorf("%q: valid = %v, want %v", name, !ok, ok)
		}
		st := settings.Defaults()
		st.BotUsername = name
		if e := errs.As(st.Validate()); ok != (e == nil) || !ok && (len(e.Fields) != 1 || e.Fields[0].Field != "bot_username") {
			t.Errorf("%q: %v", name, e)
		}
	}
}

// TestSiteAddress accepts a site's address, http or https with a host,
// and refuses anything else beside its field.
func TestSiteAddress(t *testing.T) {
	for addr, ok := range map[string]bool{
		"https://jol.example.org": true, "http://localhost:8080": true, "https://example.org/jol": true,
		"jol.example.org": false, "ftp://jol.example.org": false, "https://": false, "https://x.org/?a=1": false,
		"https://x.org/#top": false, "https://" + strings.Repeat("a", 200) + ".org": false,
	} {
		st := settings.Defaults()
		st.SiteAddress = addr
		if e := errs.As(st.Validate()); ok != (e == nil) || !ok && (len(e.Fields) != 1 || e.Fields[0].Field != "site_address") {
			t.Errorf("%q: %v", addr, e)
		}
	}
}
