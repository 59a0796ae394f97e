package imports

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/tabular"
)

// BatchSize is how many rows go to the registry in one call of the
// session: what it reads ahead at once. It writes them in transactions
// of about people.DefaultHold each, so that other writers wait little.
const BatchSize = 10000

// Options say where a list goes and how to read it.
type Options struct {
	OrgID    int64    // the organisation the list comes from
	DryRun   bool     // check everything, write nothing
	Template Template // the operator's answers for headers Jol does not know
	Source   string   // the file's name, for the change log
	// Hold and MaxHold are how long the import keeps the writer while a
	// request waits for it, and when none does (see people.ImportOptions).
	Hold, MaxHold time.Duration
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

// Run imports the rows of f into the registry in batches: one goroutine
// reads and parses the file while another writes the batch before, so the
// two take a core each. Rejected rows go to reject as they are found,
// each with every reason it has; progress is told how many rows have been
// read after each batch. Nothing is held per row beyond two batches, so
// files of any length stream.
func Run(ctx context.Context, reg *people.Service, p access.Principal, f tabular.Reader, refs Refs, o Options,
	reject func(RowError), progress func(read int)) (Result, []HeaderProblem, error) {
	m, probs := MapHeader(f.Header(), o.Template)
	if Fatal(probs) {
		return Result{}, probs, ErrHeader
	}
	sess, err := reg.BeginImport(ctx, p, people.ImportOptions{OrgID: o.OrgID, DryRun: o.DryRun, Source: o.Source,
		Hold: o.Hold, MaxHold: o.MaxHold})
	if err != nil {
		return Result{}, probs, err
	}
	readCtx, cancel := context.WithCancel(ctx)
	chunks := make(chan chunk, 1)
	go read(readCtx, f, &parser{m: m, refs: refs, orgID: o.OrgID}, chunks)
	defer func() { // the reader is done with f when Run returns
		cancel()
		for range chunks {
		}
	}()
	var res Result
	for c := range chunks {
		res.Read += c.read
		res.Rejected += c.rejected
		for _, e := range c.rejects {
			reject(e)
		}
		if c.err != nil {
			sess.Close(ctx)
			return res, probs, c.err
		}
		if len(c.rows) > 0 {
			outcomes, rowErrs, err := sess.Batch(ctx, c.rows)
			if err != nil {
				sess.Close(ctx)
				return res, probs, err
			}
			for _, e := range rowErrs {
				reject(RowError{Line: e.Line, Column: e.Field, Value: e.Value, Key: e.Key, Args: e.Args})
			}
			res.count(outcomes)
		}
		if progress != nil {
			progress(res.Read)
		}
	}
	if _, err := sess.Close(ctx); err != nil {
		return res, probs, err
	}
	return res, probs, nil
}

// A chunk is a batch of parsed rows, with the rows of its stretch of the
// file that could not be parsed, or the error that ended the reading.
type chunk struct {
	rows           []people.ImportRow
	rejects        []RowError
	read, rejected int
	err            error
}

// read parses the rows of f into chunks of BatchSize rows until the end
// of the file, an error or ctx's end, then closes out.
func read(ctx context.Context, f tabular.Reader, ps *parser, out chan<- chunk) {
	defer close(out)
	c := chunk{rows: make([]people.ImportRow, 0, BatchSize)}
	send := func() bool {
		select {
		case out <- c:
			c = chunk{rows: make([]people.ImportRow, 0, BatchSize)}
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
		if in, rowErrs := ps.parse(row); len(rowErrs) > 0 {
			c.rejected++
			c.rejects = append(c.rejects, rowErrs...)
		} else if c.rows = append(c.rows, in); len(c.rows) == BatchSize && !send() {
			return
		}
	}
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
