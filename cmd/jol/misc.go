package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func cmdVersion(_ context.Context, e env, args []string) error {
	rev := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				rev = " " + s.Value[:12]
			}
		}
	}
	fmt.Fprintf(e.stdout, "jol %s%s %s schema %d\n", version, rev, runtime.Version(), store.LatestVersion(store.SQLite))
	return nil
}

// cliLocale is the command line's language, from JOL_LANG or LANG.
func cliLocale(e env) i18n.Locale {
	for _, v := range []string{e.getenv("JOL_LANG"), e.getenv("LANG")} {
		if l, ok := i18n.Parse(strings.SplitN(v, ".", 2)[0]); ok {
			return l
		}
	}
	return i18n.EN
}

// describe turns a domain error into a sentence for the terminal, with
// each field's problem, in the operator's language.
func describe(a *app, e env, err error) error {
	return describeIn(a.Catalog, e, err)
}

// describeIn is describe for a command that has a catalogue but no
// database.
func describeIn(cat *i18n.Catalog, e env, err error) error {
	de := errs.As(err)
	if de == nil {
		return err
	}
	l := cat.Localizer(cliLocale(e))
	msg := l.T(de.Key, de.Args...)
	for _, fe := range de.Fields {
		msg += fmt.Sprintf("\n  %s: %s", fe.Field, l.T(fe.Key, fe.Args...))
	}
	return fmt.Errorf("%s", msg)
}

// dsnLabel is a database name safe to print.
func dsnLabel(dsn string) string { return store.Redact(dsn) }
