package geo

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"sort"

	"github.com/jolproject/jol/internal/access"
)

// RowError says why one value of an imported file was refused.
type RowError struct {
	Line   int    `json:"line"`   // line in the file; the header is line 1
	Column string `json:"column"` // "code", "parent_code", …; "" for the whole line
	Value  string `json:"value"`  // the value as found in the file
	Key    string `json:"key"`    // i18n key of the reason, e.g. "error.unknown_parent"
	Args   []any  `json:"args,omitempty"`
}

// Result counts what an import did. Read is the number of data lines;
// every one of them is created, updated, unchanged or rejected.
type Result struct {
	Read, Created, Updated, Unchanged, Rejected int
	Errors                                      []RowError
}

// importBatch is how many rows one transaction writes: small enough not to
// hold the write lock for long, large enough to keep a big file quick.
const importBatch = 200

// Import creates or updates regions from a CSV file (`jol import regions`).
// The header names the columns, in any order: code, parent_code, type and
// name_en are required; name_kk, name_ru, name_fr and name_fa are optional,
// and a missing one leaves the stored names as they are. Codes are matched
// without regard to case and stored upper-case; a parent must exist or come
// in the same file, anywhere in it. A UTF-8 byte order mark and a semicolon
// or tab separator are accepted.
//
// Bad rows are reported in Result.Errors with their line and the good ones
// imported. A row is written whole or not at all: rows are committed in
// batches, so a crash leaves every row either in or out, and importing the
// same file again finishes the job without duplicates. A header the
// importer cannot use rejects the whole file.
func (s *Service) Import(ctx context.Context, p access.Principal, in io.Reader) (Result, error) {
	if err := access.Can(p, access.ManageRegions, access.Target{}); err != nil {
		return Result{}, err
	}
	var res Result
	rows, has, err := readFile(in, &res)
	if err != nil {
		return res, fmt.Errorf("geo: read import: %w", err)
	}
	keep := func(old Region, want *Region) {
		for _, n := range nameColumns() {
			if !has[n] {
				*want.name(n) = *old.name(n)
			}
		}
	}
	for start := 0; start < len(rows); start += importBatch {
		var done Result
		err := s.db.Tx(ctx, func(tx *sql.Tx) error {
			done = Result{}
			if _, err := tx.ExecContext(ctx, s.q.LockTree); err != nil {
				return err
			}
			for _, rw := range rows[start:min(start+importBatch, len(rows))] {
				o, rej, err := s.put(ctx, tx, p, rw.r, keep)
				if err != nil {
					return fmt.Errorf("geo: import line %d: %w", rw.line, err)
				}
				done.count(o, rej, rw.line)
			}
			return nil
		})
		if err != nil {
			return res.sorted(), err
		}
		res.Created += done.Created
		res.Updated += done.Updated
		res.Unchanged += done.Unchanged
		res.Rejected += done.Rejected
		res.Errors = append(res.Errors, done.Errors...)
	}
	return res.sorted(), nil
}

func (r *Result) count(o outcome, rej *RowError, line int) {
	switch {
	case rej != nil:
		rej.Line = line
		r.Rejected++
		r.Errors = append(r.Errors, *rej)
	case o == created:
		r.Created++
	case o == updated:
		r.Updated++
	default:
		r.Unchanged++
	}
}

// sorted orders the errors by line, keeping the column order within a line.
func (r Result) sorted() Result {
	sort.SliceStable(r.Errors, func(i, j int) bool { return r.Errors[i].Line < r.Errors[j].Line })
	return r
}
