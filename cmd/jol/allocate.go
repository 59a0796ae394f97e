package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
)

// cmdAllocate runs a campaign's allocation from the command line, as the
// installation: "jol allocate --campaign C [--dry-run] [--json]". It
// prints the objective — the total priority served — and the counts, or
// with --json the plan's figures and tables (and the run committed).
func cmdAllocate(ctx context.Context, e env, args []string) error {
	f := newFlags(e, "allocate", "allocate --campaign ID|SLUG [--dry-run] [--json] [flags]")
	dsn := f.String("db", "jol.db", "SQLite file, or a postgres:// URL for PostgreSQL")
	which := f.FlagSet.String("campaign", "", "the campaign: its id or its slug (required)")
	dry := f.FlagSet.Bool("dry-run", false, "show the plan and its objective, reserve nothing")
	asJSON := f.FlagSet.Bool("json", false, "print the plan (and the run) as JSON")
	waitlist := f.FlagSet.Bool("waitlist", false, "record the run as serving the waiting list")
	if err := f.parse(args); err != nil {
		return err
	}
	if *which == "" || f.NArg() != 0 {
		return fmt.Errorf("%w: give --campaign and nothing else", errUsage)
	}
	a, err := openApp(ctx, *dsn, newLogger(io.Discard))
	if err != nil {
		return err
	}
	defer a.Close()
	id, err := strconv.ParseInt(*which, 10, 64)
	if err != nil {
		c, err := a.Campaigns.BySlug(ctx, access.System, *which)
		if err != nil {
			return fmt.Errorf("campaign %q: %w", *which, describe(a, e, err))
		}
		id = c.ID
	}
	out := struct {
		Plan *allocation.Plan `json:"plan"`
		Run  *allocation.Run  `json:"run,omitempty"`
	}{}
	if *dry {
		out.Plan, err = a.Allocation.DryRun(ctx, access.System, id, "cli")
	} else {
		var st allocation.Settings
		if st, err = a.Allocation.Settings(ctx, access.System, id); err == nil {
			o := allocation.CommitOptions{Version: st.Version, Via: "cli"}
			if *waitlist {
				o.Kind = allocation.KindWaitlist
			}
			var run allocation.Run
			out.Plan, run, err = a.Allocation.Commit(ctx, access.System, id, o)
			out.Run = &run
		}
	}
	if err != nil {
		return fmt.Errorf("campaign %q: %w", *which, describe(a, e, err))
	}
	if *asJSON {
		out.Plan.Results = nil
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	p := out.Plan
	fmt.Fprintf(e.stdout, "objective %d: %d of %d lines served, %d waiting, %d held before; route cost %d\n",
		p.Objective, p.Served, p.Lines, p.Waitlisted, p.Kept, p.Distance)
	if out.Run != nil {
		fmt.Fprintf(e.stdout, "committed as run %d\n", out.Run.ID)
	} else {
		fmt.Fprintf(e.stdout, "dry run: nothing reserved (digest %s)\n", p.Digest)
	}
	return nil
}
