package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/jolproject/jol/internal/store"
)

// withYear copies the enrolment list in to out with two more columns:
// the school year 2026/27 and the status attending.
func withYear(in, out string) error {
	src, err := os.Open(in)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(out)
	if err != nil {
		return err
	}
	r, w := csv.NewReader(bufio.NewReader(src)), csv.NewWriter(dst)
	r.FieldsPerRecord = -1
	for first := true; ; first = false {
		rec, err := r.Read()
		if err == io.EOF {
			break
		} else if err != nil {
			dst.Close()
			return err
		}
		if first {
			rec = append(rec, "school_year", "status")
		} else {
			rec = append(rec, "2026/27", "attending")
		}
		if err := w.Write(rec); err != nil {
			dst.Close()
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// writeFlagged writes oos_flagged.csv, the left ids of the children run
// flagged (a row's id is found by its line in left), and an empty
// oos_pairs.csv.
func writeFlagged(ctx context.Context, db *store.DB, run int64, left, dir string) error {
	ids, err := idsByLine(left)
	if err != nil {
		return err
	}
	rows, err := db.R.QueryContext(ctx, store.Rebind(db.Engine, "SELECT line FROM oos_flags WHERE run_id = $1 ORDER BY line"), run)
	if err != nil {
		return err
	}
	defer rows.Close()
	out, err := os.Create(filepath.Join(dir, "oos_flagged.csv"))
	if err != nil {
		return err
	}
	fmt.Fprintln(out, "left_id")
	for rows.Next() {
		var line int
		if err := rows.Scan(&line); err != nil {
			out.Close()
			return err
		}
		fmt.Fprintln(out, ids[line])
	}
	if err := out.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "oos_pairs.csv"), []byte("right_id,left_id,weight\n"), 0o644); err != nil {
		return err
	}
	return rows.Err()
}

// idsByLine reads the id column of a list by line: the header is line 1.
func idsByLine(path string) (map[int]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.FieldsPerRecord = -1
	out := map[int]string{}
	for line := 1; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		} else if err != nil {
			return nil, err
		}
		if line > 1 {
			out[line] = rec[0]
		}
	}
}
