package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/requests"
)

func cmdDemo(ctx context.Context, e env, args []string) error {
	f := newFlags(e, "demo", "demo [flags]")
	addr := f.String("addr", ":8080", "address to listen on")
	dsn := f.String("demo-db", "jol-demo.db", "SQLite file for the demo (created when missing, reused otherwise)")
	dataDir := dataDirFlag(f)
	if err := f.parse(args); err != nil {
		return err
	}
	logger := newLogger(e.stderr)
	a, err := openApp(ctx, *dsn, logger)
	if err != nil {
		return err
	}
	defer a.Close()
	scratch, err := openScratch(*dsn, *dataDir)
	if err != nil {
		return err
	}
	defer scratch.Close()
	a.Imports.TempDir = scratch.Dir
	// The demo has no phones: the one-time codes of handovers wait in
	// the outbox, and the handover screen shows the latest in place of
	// the guardian's phone. A real installation never shows them.
	phone := a.Requests.Outbox(requests.SMS)
	phone.Visible = true
	a.Distribution.SetSender(phone)
	logins, err := demo.Seed(ctx, a.Services, demo.Options{Now: a.now})
	if err != nil {
		return fmt.Errorf("load demo data: %w", err)
	}
	return a.serve(ctx, serveConfig{addr: *addr, workers: 2, ready: func(url string) {
		fmt.Fprintf(e.stdout, "\nJol demo is running at %s  (database %s; Ctrl-C stops it)\n\n", url, *dsn)
		fmt.Fprintf(e.stdout, "Log in as any of these, password %q:\n\n", demo.Password)
		tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "  ROLE\tE-MAIL\tNAME\tORGANISATION")
		for _, l := range logins {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", l.Role, l.Email, l.Name, l.Org)
		}
		tw.Flush()
		fmt.Fprintln(e.stdout)
	}})
}
