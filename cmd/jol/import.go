package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/store"
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
	errFile := f.FlagSet.String("errors", "", "write the rejected rows to this file (.csv or .xlsx)")
	strict := f.FlagSet.Bool("strict", false, "exit with an error when any row is rejected")
	dataDir := dataDirFlag(f)
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
	scratch, err := openScratch(*dsn, *dataDir)
	if err != nil {
		return err
	}
	defer scratch.Close()
	rd, err := tabular.OpenIn(scratch.Dir, name, file, st.Size())
	if err != nil {
		return fmt.Errorf("%s: %w", name, describe(a, e, err))
	}
	defer rd.Close()
	refs, err := imports.LoadRefs(ctx, a.Geo, a.Orgs, a.People, access.System)
	if err != nil {
		return err
	}
	report, err := imports.NewReport(scratch.Dir)
	if err != nil {
		return err
	}
	defer report.Close()
	progress := func(n int) { fmt.Fprintf(e.stderr, "\r%s: %s rows read", name, l.Number(int64(n))) }
	res, probs, err := imports.Run(ctx, a.People, access.System, rd, refs,
		imports.Options{OrgID: *org, DryRun: *dry, Source: name}, report.Add, progress)
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

// dataDirFlag defines --data-dir, the folder of Jol's files beside its
// database: the temporary files of imports go to its tmp folder.
func dataDirFlag(f *flags) *string {
	return f.String("data-dir", "", "folder whose tmp holds the temporary files of imports "+
		"(default: the SQLite file's folder; for PostgreSQL, the system's temporary folder)")
}

// openScratch opens this process's folder of temporary files under the
// tmp folder of dataDir, else of the SQLite file's folder, else (for
// PostgreSQL) under the system's temporary folder; what a crash left there
// is removed first.
func openScratch(dsn, dataDir string) (*imports.Scratch, error) {
	switch {
	case dataDir != "":
	case store.EngineOf(dsn) == store.Postgres:
		return imports.OpenScratch(filepath.Join(os.TempDir(), "jol"))
	default:
		dataDir = filepath.Dir(dsn)
	}
	return imports.OpenScratch(filepath.Join(dataDir, "tmp"))
}
