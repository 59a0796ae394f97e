package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/tabular"
)

func cmdImport(ctx context.Context, e env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "regions":
			return importRegions(ctx, e, args[1:])
		case "people":
			return importPeople(ctx, e, args[1:])
		}
	}
	return fmt.Errorf("%w: expected \"jol import regions FILE\" or \"jol import people FILE --org ORG\"", errUsage)
}

func importRegions(ctx context.Context, e env, args []string) error {
	f := newFlags(e, "import regions", "import regions [flags] FILE.csv")
	dsn := f.String("db", "jol.db", "SQLite file, or a postgres:// URL for PostgreSQL")
	if err := f.parse(args); err != nil {
		return err
	}
	if f.NArg() != 1 {
		return fmt.Errorf("%w: give the CSV file to import", errUsage)
	}
	file, err := os.Open(f.Arg(0))
	if err != nil {
		return err
	}
	defer file.Close()
	a, err := openApp(ctx, *dsn, newLogger(io.Discard))
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := a.Geo.Import(ctx, access.System, file)
	if err != nil {
		return describe(a, e, err)
	}
	l := a.Catalog.Localizer(cliLocale(e))
	for _, re := range res.Errors {
		fmt.Fprintf(e.stderr, "%s:%d: %s %q: %s\n", f.Arg(0), re.Line, re.Column, re.Value, l.T(re.Key, re.Args...))
	}
	fmt.Fprintf(e.stdout, "read %d, created %d, updated %d, unchanged %d, rejected %d\n",
		res.Read, res.Created, res.Updated, res.Unchanged, res.Rejected)
	return nil
}

// errRejected makes --strict fail a run that rejected rows.
var errRejected = errors.New("rows were rejected (--strict)")

func importPeople(ctx context.Context, e env, args []string) error {
	f := newFlags(e, "import people", "import people --org ORG [flags] FILE.csv|FILE.xlsx")
	dsn := f.String("db", "jol.db", "SQLite file, or a postgres:// URL for PostgreSQL")
	org := f.FlagSet.Int64("org", 0, "id of the organisation the list comes from (see the Organisations page)")
	dry := f.FlagSet.Bool("dry-run", false, "check every row and report, but write nothing")
	bulk := f.FlagSet.Bool("bulk", false, "nobody else uses the registry meanwhile: write in long transactions, faster")
	errFile := f.FlagSet.String("errors", "", "write the rejected rows to this file (.csv or .xlsx)")
	strict := f.FlagSet.Bool("strict", false, "exit with an error when any row is rejected")
	if err := f.parse(args); err != nil {
		return err
	}
	if f.NArg() != 1 || *org == 0 {
		return fmt.Errorf("%w: give --org and the file to import", errUsage)
	}
	name := f.Arg(0)
	file, err := os.Open(name)
	if err != nil {
		return err
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return err
	}
	a, err := openApp(ctx, *dsn, newLogger(io.Discard))
	if err != nil {
		return err
	}
	defer a.Close()
	l := a.Catalog.Localizer(cliLocale(e))
	rd, err := tabular.Open(name, file, st.Size())
	if err != nil {
		return fmt.Errorf("%s: %w", name, describe(a, e, err))
	}
	defer rd.Close()
	refs, err := imports.LoadRefs(ctx, a.Geo, a.Orgs, a.People, access.System)
	if err != nil {
		return err
	}
	report, err := imports.NewReport()
	if err != nil {
		return err
	}
	defer report.Close()
	progress := func(n int) { fmt.Fprintf(e.stderr, "\r%s: %s rows read", name, l.Number(int64(n))) }
	res, probs, err := imports.Run(ctx, a.People, access.System, rd, refs,
		importOptions(*org, *dry, *bulk, name), report.Add, progress)
	fmt.Fprintln(e.stderr)
	for _, p := range probs {
		fmt.Fprintf(e.stderr, "%s: column %d %q: %s\n", name, p.Column, p.Header, l.T(p.Key, p.Args...))
	}
	if err != nil {
		return describe(a, e, err)
	}
	if err := writeReport(e, report, *errFile, l); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, res.Line())
	if *strict && res.Rejected > 0 {
		return errRejected
	}
	return nil
}

// importOptions are the options of `jol import people`. Without --bulk
// the import lets a running server's requests in every few tens of
// milliseconds; with it, it holds the writer for about a batch at a time.
func importOptions(org int64, dry, bulk bool, name string) imports.Options {
	o := imports.Options{OrgID: org, DryRun: dry, Source: name}
	if bulk {
		o.MaxHold = people.BulkMaxHold
	}
	return o
}

// writeReport saves the rejected rows where --errors says, and prints the
// first of them either way.
func writeReport(e env, r *imports.Report, name string, l *i18n.Localizer) error {
	const shown = 20
	n := 0
	for row := range r.Rows(l) {
		if n++; n > shown {
			break
		}
		fmt.Fprintf(e.stderr, "line %s, %s %q: %s\n", row[0], row[1], row[2], row[3])
	}
	if more := r.Len() - shown; more > 0 && name == "" {
		fmt.Fprintf(e.stderr, "… and %d more; --errors FILE writes them all\n", more)
	}
	if name == "" {
		return nil
	}
	out, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := r.Write(out, name, l); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
