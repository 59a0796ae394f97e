// Command oosrun measures the out-of-school run end to end on the lists
// bench/linkgen makes: it imports left.csv as a population list and
// right.csv as one enrolment list (every pupil attending, school year
// 2026/27) through the import targets into a new SQLite database, runs
// the run for 2026/27 with school age 6–17, and writes the left ids of
// the children it flagged, for `linkgen score`.
//
//	go run ./bench/linkgen gen -n 100000 -m 96000 -seed 1 -out DIR
//	go run ./bench/oosrun -dir DIR
//	go run ./bench/linkgen score --truth DIR/truth.csv --pairs DIR/oos_pairs.csv \
//	    --unmatched-left DIR/oos_flagged.csv --left DIR/left.csv
//
// bench/oosrun/run.sh does the three steps. The pairs file it writes is
// empty: the run reports children, not pairs, so only the out-of-school
// line of the score means anything.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/oosrun"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/tabular"
)

func main() {
	dir := flag.String("dir", ".", "the directory of left.csv and right.csv; the database and results go here too")
	again := flag.Bool("again", false, "run again on the lists an earlier call imported")
	flag.Parse()
	if err := run(context.Background(), *dir, *again); err != nil {
		fmt.Fprintln(os.Stderr, "oosrun:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, dir string, again bool) error {
	path := filepath.Join(dir, "oosrun.db")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if !again {
			_ = os.Remove(path + suffix)
		}
	}
	db, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		return err
	}
	svc, err := services.New(ctx, db, services.Options{})
	if err != nil {
		return err
	}
	runs := svc.OOS
	p := access.System
	var ids [2]int64
	if again {
		if err := db.R.QueryRowContext(ctx, "SELECT MIN(id), MAX(id) FROM oos_lists").Scan(&ids[0], &ids[1]); err != nil {
			return err
		}
		return linkAndWrite(ctx, db, runs, p, ids, dir)
	}
	org, err := svc.Orgs.Create(ctx, p, orgs.Input{Name: "Education department", Type: orgs.Foundation, RegionCode: "KZ"})
	if err != nil {
		return err
	}
	enrol := filepath.Join(dir, "right_enrolment.csv")
	if err := withYear(filepath.Join(dir, "right.csv"), enrol); err != nil {
		return err
	}
	for i, l := range []struct{ target, file string }{
		{"population-list", filepath.Join(dir, "left.csv")}, {"enrolment-list", enrol}} {
		began := time.Now()
		res, err := importFile(ctx, svc.Imports.Targets.Get(l.target), p, org.ID, l.file)
		if err != nil {
			return fmt.Errorf("%s: %w", l.file, err)
		}
		fmt.Printf("%s: %s in %v\n", l.target, res.Line(), time.Since(began).Round(time.Millisecond))
		if err := db.R.QueryRowContext(ctx, "SELECT MAX(id) FROM oos_lists").Scan(&ids[i]); err != nil {
			return err
		}
	}
	return linkAndWrite(ctx, db, runs, p, ids, dir)
}

// linkAndWrite does the run of population list ids[0] and enrolment list
// ids[1] and writes the children it flagged.
func linkAndWrite(ctx context.Context, db *store.DB, runs *oosrun.Service, p access.Principal, ids [2]int64, dir string) error {
	began := time.Now()
	r, err := runs.Do(ctx, p, oosrun.Input{Population: ids[0], Enrolment: ids[1:], SchoolYear: 2026})
	if err != nil {
		return err
	}
	fmt.Printf("run: %v; %+v\n", time.Since(began).Round(time.Millisecond), r.Result)
	return writeFlagged(ctx, db, r.ID, filepath.Join(dir, "left.csv"), dir)
}

// importFile imports file into target t for organisation org as p.
func importFile(ctx context.Context, t *imports.Target, p access.Principal, org int64, file string) (imports.Result, error) {
	f, err := os.Open(file)
	if err != nil {
		return imports.Result{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return imports.Result{}, err
	}
	rd, err := tabular.Open(filepath.Base(file), f, st.Size())
	if err != nil {
		return imports.Result{}, err
	}
	defer rd.Close()
	reasons := map[string]int{}
	res, _, err := imports.Run(ctx, t, p, rd, imports.Options{OrgID: org, Source: filepath.Base(file), Load: true},
		func(e imports.RowError) { reasons[e.Column+" "+e.Key]++ }, nil)
	if len(reasons) > 0 {
		fmt.Printf("rejected rows by reason: %v\n", reasons)
	}
	return res, err
}
