package imports

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/tabular"
)

// BatchSize is how many rows go to a target's session in one call,
// unless its Definition is a BatchSizer: what it reads ahead at once. The
// people target writes them in transactions of about people.DefaultHold
// each, so that other writers wait little.
const BatchSize = 10000

// BatchSizer is a Definition whose batches are of another size.
type BatchSizer interface{ BatchSize() int }

// Options say where a list goes and how to read it.
type Options struct {
	OrgID    int64    // the organisation the list comes from
	DryRun   bool     // check everything, write nothing
	Template Template // the operator's answers for headers Jol does not know
	Source   string   // the file's name, for the change log
	// Schools maps the unknown schools the list names to organisations
	// (see SchoolMap); the people target reads it.
	Schools SchoolMap
	// Campaign is the campaign a school's or a centre's list files its
	// requests in; the school-list target reads it.
	Campaign int64
	// Run is the import run from the web the rows come from, 0 from the
	// command line: the out-of-school targets keep one list per run.
	Run int64
	// Hold and MaxHold are how long the import keeps the writer while a
	// request waits for it, and when none does (see people.ImportOptions).
	Hold, MaxHold time.Duration
	// Load lets the import load a nearly empty registry in one
	// transaction with its indexes dropped (see people.ImportOptions).
	Load bool
	// Resume continues an import an earlier attempt was interrupted in:
	// the rows up to its Line were written then, and are neither read
	// nor counted again; the totals start from its Result.
	Resume Progress
	// Checkpoint, when set, is called in each transaction of a real run
	// that commits rows, before it commits, with where the run will stand
	// once it has: reject has then been told of every rejected row up to
	// pr.Line. What it writes in tx (where a job resumes from) is
	// committed with the rows or not at all. A batch no transaction
	// committed rows of is only told to progress.
	Checkpoint func(ctx context.Context, tx *sql.Tx, pr Progress) error
	// Commit is set by the engine for a target's session: it calls it as
	// people.ImportOptions.Commit is called, with the outcomes of the rows
	// of the batch its transaction writes and their errors.
	Commit func(ctx context.Context, tx *sql.Tx, outs []Outcome, errs []RowError) error
}

// Progress is how far an import has come after a batch: every row up to
// Line is read and, unless the run is dry, written, with the totals so far.
type Progress struct {
	Line   int
	Result Result
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

// Run imports the rows of f into target t in batches: one goroutine reads
// and parses the file while another writes the batch before, so the two
// take a core each. Rejected rows go to reject as they are found, each
// with every reason it has; progress is told after each batch. Nothing is
// held per row beyond two batches, so files of any length stream.
func Run(ctx context.Context, t *Target, p access.Principal, f tabular.Reader, o Options,
	reject func(RowError), progress func(Progress)) (Result, []HeaderProblem, error) {
	m, probs := t.MapHeader(f.Header(), o.Template)
	if Fatal(probs) {
		return Result{}, probs, ErrHeader
	}
	res, err := t.run(ctx, p, f, m, o, reject, progress)
	return res, probs, err
}

// runRows is Run for a target's row type R.
func runRows[R any](ctx context.Context, d Definition[R], p access.Principal, f tabular.Reader, m Mapping, o Options,
	reject func(RowError), progress func(Progress)) (Result, error) {
	parse, err := d.Parser(ctx, p, o)
	if err != nil {
		return Result{}, err
	}
	res := o.Resume.Result
	mark := &commitMark[R]{reject: reject, save: o.Checkpoint}
	if o.Checkpoint != nil && !o.DryRun {
		o.Commit = mark.commit
	}
	sess, err := d.Open(ctx, p, o)
	if err != nil {
		return Result{}, err
	}
	readCtx, cancel := context.WithCancel(ctx)
	chunks := make(chan chunk[R], 1)
	size := BatchSize
	if b, ok := d.(BatchSizer); ok && b.BatchSize() > 0 {
		size = b.BatchSize()
	}
	go read(readCtx, f, &m, parse, o.Resume.Line, size, chunks)
	defer func() { // the reader is done with f when Run returns
		cancel()
		for range chunks {
		}
	}()
	for c := range chunks {
		mark.start(&c, res)
		res.Read += c.read
		res.Rejected += c.rejected
		if c.err != nil {
			mark.rest(nil)
			return res, errors.Join(c.err, sess.Close(ctx))
		}
		if len(c.rows) > 0 {
			outcomes, rowErrs, err := sess.Batch(ctx, c.rows)
			if err != nil {
				mark.rest(nil)
				return res, errors.Join(err, sess.Close(ctx))
			}
			mark.rest(rowErrs)
			res.count(outcomes)
		} else {
			mark.rest(nil)
		}
		if progress != nil {
			progress(Progress{Line: c.last, Result: res})
		}
	}
	return res, sess.Close(ctx)
}
