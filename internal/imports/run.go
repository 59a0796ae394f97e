package imports

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/tabular"
)

// BatchSize is how many rows go to the registry in one transaction.
const BatchSize = 5000

// Options say where a list goes and how to read it.
type Options struct {
	OrgID    int64    // the organisation the list comes from
	DryRun   bool     // check everything, write nothing
	Template Template // the operator's answers for headers Jol does not know
	Source   string   // the file's name, for the change log
}

// Result counts the rows of a file by what became of them.
type Result struct {
	Read, Created, Updated, Unchanged, Rejected int
}

// Line is the summary the command line prints.
func (r Result) Line() string {
	return fmt.Sprintf("read %d, created %d, updated %d, unchanged %d, rejected %d",
		r.Read, r.Created, r.Updated, r.Unchanged, r.Rejected)
}

// ErrHeader is returned when the header row makes the file unusable; the
// problems say why.
var ErrHeader = errors.New("imports: the header row cannot be used")

// Run imports the rows of f into the registry through sess-like batches:
// rows are parsed, batched and written; rejected rows go to reject as they
// are found, each with every reason it has. progress is told how many rows
// have been read after each batch. Nothing is held per row beyond the
// current batch, so files of any length stream.
func Run(ctx context.Context, reg *people.Service, p access.Principal, f tabular.Reader, refs Refs, o Options,
	reject func(RowError), progress func(read int)) (Result, []HeaderProblem, error) {
	m, probs := MapHeader(f.Header(), o.Template)
	if Fatal(probs) {
		return Result{}, probs, ErrHeader
	}
	sess, err := reg.BeginImport(ctx, p, people.ImportOptions{OrgID: o.OrgID, DryRun: o.DryRun, Source: o.Source})
	if err != nil {
		return Result{}, probs, err
	}
	ps := &parser{m: m, refs: refs, orgID: o.OrgID}
	var res Result
	batch := make([]people.ImportRow, 0, BatchSize)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		outcomes, rowErrs, err := sess.Batch(ctx, batch)
		if err != nil {
			return err
		}
		for _, e := range rowErrs {
			reject(RowError{Line: e.Line, Column: e.Field, Value: e.Value, Key: e.Key, Args: e.Args})
		}
		res.count(outcomes)
		batch = batch[:0]
		if progress != nil {
			progress(res.Read)
		}
		return nil
	}
	for {
		row, err := f.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		res.Read++
		if errors.Is(err, tabular.ErrBadRow) {
			res.Rejected++
			key, args := "tabular.quote", []any{"Line", row.Line}
			if e := errs.As(err); e != nil {
				key, args = e.Key, e.Args
			}
			reject(RowError{Line: row.Line, Key: key, Args: args})
			continue
		}
		if err != nil {
			sess.Close(ctx)
			return res, probs, err
		}
		in, rowErrs := ps.parse(row)
		if len(rowErrs) > 0 {
			res.Rejected++
			for _, e := range rowErrs {
				reject(e)
			}
			continue
		}
		if batch = append(batch, in); len(batch) == BatchSize {
			if err := flush(); err != nil {
				sess.Close(ctx)
				return res, probs, err
			}
		}
	}
	if err := flush(); err != nil {
		sess.Close(ctx)
		return res, probs, err
	}
	if _, err := sess.Close(ctx); err != nil {
		return res, probs, err
	}
	return res, probs, nil
}

func (r *Result) count(outcomes []people.Outcome) {
	for _, o := range outcomes {
		switch o {
		case people.Created:
			r.Created++
		case people.Updated:
			r.Updated++
		case people.Unchanged:
			r.Unchanged++
		default:
			r.Rejected++
		}
	}
}
