package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/tabular"
)

// cmdImport imports the geographic reference (regions, which stay apart
// from the engine: see docs/architecture.md) or a list into one of the
// targets of the import engine.
func cmdImport(ctx context.Context, e env, args []string) error {
	targets := services.ImportTargets(&services.Services{})
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		importUsage(e.stdout, targets)
		if len(args) == 0 {
			return fmt.Errorf("%w: give what to import", errUsage)
		}
		return nil
	}
	if args[0] == "regions" {
		return importRegions(ctx, e, args[1:])
	}
	t := targets.Get(args[0])
	if t == nil {
		return fmt.Errorf("%w: unknown list %q: expected regions or one of %s (jol import --help)",
			errUsage, args[0], targets.Names())
	}
	return importList(ctx, e, t.Name(), args[1:])
}

// importUsage lists what jol import imports: the targets with their
// columns (* required), then regions.
func importUsage(w io.Writer, targets *imports.Targets) {
	fmt.Fprintln(w, "Usage: jol import TARGET --org ORG [--campaign ID] [--dry-run] [--errors F.csv|F.xlsx] [--strict] [--create-schools] [--map-school NAME=ORGID]... FILE.csv|FILE.xlsx")
	fmt.Fprintln(w, "       jol import regions FILE.csv")
	fmt.Fprintln(w, "\nTargets and their columns (* required; headers also in Kazakh, Russian, French and Persian):")
	for _, t := range targets.All() {
		var cols []string
		for _, c := range t.Columns() {
			name := string(c.Key)
			if c.Required {
				name += "*"
			}
			cols = append(cols, name)
		}
		fmt.Fprintf(w, "  %-11s %s\n", t.Name(), strings.Join(cols, ", "))
	}
	fmt.Fprintln(w, "  regions     the geographic reference: code, parent_code, names (see docs/operations.md)")
	fmt.Fprintln(w, "\nschool-list files a request for each pupil in the campaign --campaign names.")
	fmt.Fprintln(w, "jol import TARGET --help shows the flags.")
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

// importList imports a file into the target of that name, with the same
// flags for every target.
func importList(ctx context.Context, e env, target string, args []string) error {
	f := newFlags(e, "import "+target, "import "+target+" --org ORG [flags] FILE.csv|FILE.xlsx")
	dsn := f.String("db", "jol.db", "SQLite file, or a postgres:// URL for PostgreSQL")
	org := f.FlagSet.Int64("org", 0, "id of the organisation the list comes from (see the Organisations page)")
	dry := f.FlagSet.Bool("dry-run", false, "check every row and report, but write nothing")
	campaign := f.FlagSet.Int64("campaign", 0, "id of the campaign a school-list files its requests in")
	bulk := f.FlagSet.Bool("bulk", false, "nobody else uses the registry meanwhile: write in long transactions, faster; "+
		"into a nearly empty registry, load it in one transaction with the indexes built at the end")
	keep := f.FlagSet.Bool("keep-indexes", false, "with --bulk: keep the indexes and commit batch by batch, even into a nearly empty registry")
	errFile := f.FlagSet.String("errors", "", "write the rejected rows to this file (.csv or .xlsx)")
	strict := f.FlagSet.Bool("strict", false, "exit with an error when any row is rejected")
	mkSchools := f.FlagSet.Bool("create-schools", false,
		"register the schools the list names that are not registered, under --org (their rows are refused otherwise)")
	schools := imports.SchoolMap{}
	f.FlagSet.Var(schoolMapFlag(schools), "map-school",
		"NAME=ORGID: the rows naming school NAME go to organisation ORGID (repeat for each school)")
	dataDir := dataDirFlag(f)
	if err := f.parse(args); err != nil {
		return err
	}
	if f.NArg() != 1 || *org == 0 {
		return fmt.Errorf("%w: give --org and the file to import", errUsage)
	}
	if target == "school-list" && *campaign <= 0 {
		return fmt.Errorf("%w: give --campaign, the campaign the list's requests are for", errUsage)
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
	t, err := a.Imports.Target(target)
	if err != nil {
		return err
	}
	if err := a.Imports.CheckSchoolMap(ctx, access.System, schools); err != nil {
		return fmt.Errorf("--map-school: %w", describe(a, e, err))
	}
	if err := unknownSchools(ctx, e, a, t, scratch.Dir, file, st.Size(), *org, schools, *mkSchools && !*dry); err != nil {
		return fmt.Errorf("%s: %w", name, describe(a, e, err))
	}
	rd, err := tabular.OpenIn(scratch.Dir, name, file, st.Size())
	if err != nil {
		return fmt.Errorf("%s: %w", name, describe(a, e, err))
	}
	defer rd.Close()
	report, err := imports.NewReport(scratch.Dir)
	if err != nil {
		return err
	}
	defer report.Close()
	progress := func(p imports.Progress) {
		fmt.Fprintf(e.stderr, "\r%s: %s rows read", name, l.Number(int64(p.Result.Read)))
	}
	o := importOptions(*org, *dry, *bulk, name)
	o.Load = o.Load && !*keep
	if *bulk && os.Getenv("GOMEMLIMIT") == "" {
		// SQLite's pages are Go memory too: without a limit the collector
		// lets the heap grow to twice what is live before it runs.
		debug.SetMemoryLimit(bulkMemoryLimit)
	}
	o.Schools, o.Campaign = schools, *campaign
	res, probs, err := imports.Run(ctx, t, access.System, rd, o, report.Add, progress)
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
	if !*dry && res.Created+res.Updated > 0 {
		// What follows a web import follows this one too: a duplicate
		// scan is queued for the server's workers.
		if err := a.Imports.Committed(ctx, target); err != nil {
			fmt.Fprintf(e.stderr, "after the import: %v\n", err)
		}
	}
	if target != "people" {
		fmt.Fprintln(e.stdout, t.Summary(l, res))
	}
	if *strict && res.Rejected > 0 {
		return errRejected
	}
	return nil
}

// bulkMemoryLimit is the Go memory `jol import --bulk` tries to keep
// within (GOMEMLIMIT overrides it): with SQLite's own memory (its page
// cache and the sorts of a load's index builds, outside the Go heap)
// the process stays under 500 MB on a list of a million rows.
const bulkMemoryLimit = 360 << 20

// importOptions are the options of `jol import people`. Without --bulk
// the import lets a running server's requests in every few tens of
// milliseconds; with it, it holds the writer for about a batch at a time.
func importOptions(org int64, dry, bulk bool, name string) imports.Options {
	o := imports.Options{OrgID: org, DryRun: dry, Source: name}
	if bulk {
		o.MaxHold, o.Load = people.BulkMaxHold, true
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
