package imports

import (
	"context"
	"errors"
	"io"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/tabular"
)

// A chunk is a batch of parsed rows, with the rows of its stretch of the
// file that could not be parsed, or the error that ended the reading.
type chunk[R any] struct {
	rows           []R
	lines          []int // the line of each row
	rejects        []RowError
	read, rejected int
	last           int // the last line of the stretch
	err            error
}

// read parses the rows of f after line skip into chunks of size rows
// until the end of the file, an error or ctx's end, then closes out.
func read[R any](ctx context.Context, f tabular.Reader, m *Mapping, parse func(Fields) (R, []RowError), skip, size int,
	out chan<- chunk[R]) {
	defer close(out)
	c := chunk[R]{rows: make([]R, 0, size), lines: make([]int, 0, size)}
	send := func() bool {
		select {
		case out <- c:
			c = chunk[R]{rows: make([]R, 0, size), lines: make([]int, 0, size), last: c.last}
			return true
		case <-ctx.Done():
			return false
		}
	}
	for {
		row, err := f.Next()
		switch {
		case errors.Is(err, io.EOF):
			send()
			return
		case err == nil || errors.Is(err, tabular.ErrBadRow):
			if row.Line <= skip {
				continue
			}
			c.last = row.Line
		}
		switch {
		case errors.Is(err, tabular.ErrBadRow):
			c.read++
			c.rejected++
			key, args := "tabular.quote", []any{"Line", row.Line}
			if e := errs.As(err); e != nil {
				key, args = e.Key, e.Args
			}
			c.rejects = append(c.rejects, RowError{Line: row.Line, Key: key, Args: args})
			continue
		case err != nil:
			c.err = err
			send()
			return
		}
		c.read++
		bad := m.rowErrors(row)
		in, rowErrs := parse(Fields{Line: row.Line, m: m, cells: row.Cells})
		if bad = append(bad, rowErrs...); len(bad) > 0 {
			c.rejected++
			c.rejects = append(c.rejects, bad...)
		} else if c.rows, c.lines = append(c.rows, in), append(c.lines, row.Line); len(c.rows) == size && !send() {
			return
		}
	}
}

func (r *Result) count(outcomes []Outcome) {
	for _, o := range outcomes {
		switch o {
		case Created:
			r.Created++
		case Updated:
			r.Updated++
		case Unchanged:
			r.Unchanged++
		default:
			r.Rejected++
		}
	}
}
