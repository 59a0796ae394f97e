package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
)

// cmdReport writes a campaign's final report, as the installation:
// "jol report --campaign C --format pdf|xlsx -o FILE [--lang L]". A
// closed campaign without a report gets one first (it is reported and its
// public results published), as the campaign page's action does; a
// campaign still open is refused. The language is the campaign
// organiser's unless --lang names one.
func cmdReport(ctx context.Context, e env, args []string) error {
	f := newFlags(e, "report", "report --campaign ID|SLUG --format pdf|xlsx -o FILE [--lang kk|ru|en|fr|fa] [flags]")
	dsn := f.String("db", "jol.db", "SQLite file, or a postgres:// URL for PostgreSQL")
	which := f.FlagSet.String("campaign", "", "the campaign: its id or its slug (required)")
	format := f.FlagSet.String("format", "pdf", "pdf or xlsx")
	out := f.FlagSet.String("o", "", "the file to write (required)")
	lang := f.FlagSet.String("lang", "", "the report's language (default: the organiser's)")
	if err := f.parse(args); err != nil {
		return err
	}
	if *which == "" || *out == "" || f.NArg() != 0 || (*format != "pdf" && *format != "xlsx") {
		return fmt.Errorf("%w: give --campaign, --format pdf|xlsx and -o FILE", errUsage)
	}
	a, err := openApp(ctx, *dsn, newLogger(io.Discard))
	if err != nil {
		return err
	}
	defer a.Close()
	id, err := strconv.ParseInt(*which, 10, 64)
	if err != nil {
		c, err := a.Campaigns.Public(ctx, *which)
		if err != nil {
			return fmt.Errorf("campaign %q: %w", *which, describe(a, e, err))
		}
		id = c.ID
	}
	rep, err := a.Reports.Get(ctx, access.System, id)
	if errors.Is(err, errs.ErrNotFound) {
		if _, cerr := a.Campaigns.Get(ctx, access.System, id); cerr != nil {
			return describe(a, e, cerr)
		}
		rep, err = a.Reports.Produce(ctx, access.System, id)
	}
	if err != nil {
		return describe(a, e, err)
	}
	loc, ok := i18n.Parse(*lang)
	if !ok {
		if loc, ok = i18n.Parse(rep.Figures.Locale); !ok {
			loc = i18n.EN
		}
	}
	file, err := os.Create(*out)
	if err != nil {
		return err
	}
	write := a.Reports.WritePDF
	if *format == "xlsx" {
		write = a.Reports.WriteXLSX
	}
	if err := write(file, rep, loc); err != nil {
		file.Close()
		return err
	}
	if err := file.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: the %s report of campaign %d (%s), produced %s\n", *out, *format, id, loc,
		rep.ProducedAt.Format("2006-01-02 15:04 UTC"))
	return nil
}
