// Package imports is the engine that turns the lists Jol is sent — CSV
// and XLSX in Kazakh, Russian, French, Persian or English — into records
// of a target (the people list, and the lists that plug in beside it),
// row by row, reporting every rejected row with its line, column, value
// and reason. A target declares its columns, how a row is parsed and how
// a batch is written (see Definition); the engine does the rest: uploads,
// previews, header mapping and templates, dry runs, background jobs,
// progress, rejected-row reports and purging.
package imports

import (
	"context"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/tabular"
)

// Column is the key of a target's column: its canonical name.
type Column string

// ColumnSpec is one column a target reads: its key (the canonical name,
// also accepted as a header), whether a file must have it, the headers
// people write for it in the five languages and the i18n key of its label.
type ColumnSpec struct {
	Key      Column
	Required bool
	Aliases  []string // as headerKey folds them; English, Kazakh, Russian, French and Persian
	Label    string   // i18n key
}

// RowError is one reason a row was rejected: its line, the column (a
// column key or a field the target names), the value as written and an i18n key.
type RowError struct {
	Line   int
	Column string
	Value  string
	Key    string
	Args   []any
}

// Outcome is what a target's writer did with a row.
type Outcome int

// The outcomes of a row.
const (
	Rejected  Outcome = iota // nothing of the row was written; its RowErrors say why
	Created                  // a record was made
	Updated                  // something about a record was written
	Unchanged                // the records already held all of it
)

// Session writes the batches of one import of a target, each batch
// committed on its own, or, for a dry run, checks them and writes nothing.
type Session[R any] interface {
	// Batch matches and writes rows, returning an outcome per row, in
	// order, and the reasons of the rejected ones.
	Batch(ctx context.Context, rows []R) ([]Outcome, []RowError, error)
	// Close ends the import; it is always called, after an error too.
	Close(ctx context.Context) error
}

// Definition is what a target declares, typed by the row R its parser
// makes and its session writes. Define turns it into a Target.
type Definition[R any] interface {
	// Name is the target's name on the command line and in the database.
	Name() string
	// Label is the i18n key of the target's name in pages and reports.
	Label() string
	// Columns are the target's columns, in the order of its template.
	Columns() []ColumnSpec
	// Parser loads what the cells of a list for organisation o.OrgID may
	// name, once per import or preview, and returns the parser of its
	// rows. A parser returns the errors of a row, as i18n keys, instead of
	// the row when a cell cannot be read, so a row is taken whole or not at all.
	Parser(ctx context.Context, p access.Principal, o Options) (func(Fields) (R, []RowError), error)
	// Open begins writing (or, with o.DryRun, checking) rows for p.
	Open(ctx context.Context, p access.Principal, o Options) (Session[R], error)
}

// Target is a list Jol imports, by name: what the web, the command line
// and the job need of a Definition, whatever its row type.
type Target struct {
	name, label string
	summary     string // the i18n key of a run's totals
	cols        []ColumnSpec
	check       func(ctx context.Context, p access.Principal, o Options) (func(Fields) []RowError, error)
	run         func(ctx context.Context, p access.Principal, f tabular.Reader, m Mapping, o Options,
		reject func(RowError), progress func(Progress)) (Result, error)
}

// Define makes d a Target.
func Define[R any](d Definition[R]) *Target {
	summary := "imports.summary"
	if s, ok := any(d).(Summarizer); ok {
		summary = s.Summary()
	}
	return &Target{name: d.Name(), label: d.Label(), cols: d.Columns(), summary: summary,
		check: func(ctx context.Context, p access.Principal, o Options) (func(Fields) []RowError, error) {
			parse, err := d.Parser(ctx, p, o)
			if err != nil {
				return nil, err
			}
			return func(f Fields) []RowError { _, e := parse(f); return e }, nil
		},
		run: func(ctx context.Context, p access.Principal, f tabular.Reader, m Mapping, o Options,
			reject func(RowError), progress func(Progress)) (Result, error) {
			return runRows(ctx, d, p, f, m, o, reject, progress)
		}}
}

// Summarizer is a Definition whose rows' outcomes mean something of
// their own (see the school list's): Summary is the i18n key of a run's
// totals, given Read, Created, Updated, Unchanged and Rejected.
type Summarizer interface{ Summary() string }

// Summary says a run's totals in l's language, as the target means them.
func (t *Target) Summary(l *i18n.Localizer, r Result) string {
	return l.T(t.summary, "Read", int64(r.Read), "Created", int64(r.Created), "Updated", int64(r.Updated),
		"Unchanged", int64(r.Unchanged), "Rejected", int64(r.Rejected))
}

// Name is the target's name, as the command line and the database know it.
func (t *Target) Name() string { return t.name }

// Label is the i18n key of the target's name.
func (t *Target) Label() string { return t.label }

// Columns are the target's columns, in template order.
func (t *Target) Columns() []ColumnSpec { return t.cols }

// Keys are the keys of the target's columns, in template order.
func (t *Target) Keys() []Column {
	out := make([]Column, len(t.cols))
	for i, c := range t.cols {
		out[i] = c.Key
	}
	return out
}

// ColumnLabel names column c of t in l's language, by the label it
// declares; a column t does not have is named as ColumnLabel names it.
func (t *Target) ColumnLabel(l *i18n.Localizer, c Column) string {
	for _, s := range t.cols {
		if s.Key == c && s.Label != "" {
			return l.T(s.Label)
		}
	}
	return ColumnLabel(l, string(c))
}

// Has reports whether c is a column of the target.
func (t *Target) Has(c Column) bool { return slices.Contains(t.Keys(), c) }

// Targets are the lists Jol imports, by name.
type Targets struct{ list []*Target }

// NewTargets registers ts, the first being the default of a page that
// does not say.
func NewTargets(ts ...*Target) *Targets { return &Targets{list: ts} }

// Get returns the target of that name, nil when there is none.
func (ts *Targets) Get(name string) *Target {
	for _, t := range ts.list {
		if t.name == name {
			return t
		}
	}
	return nil
}

// All lists the targets in the order they were registered.
func (ts *Targets) All() []*Target { return ts.list }

// Names lists the targets' names, for a usage message.
func (ts *Targets) Names() string {
	names := make([]string, len(ts.list))
	for i, t := range ts.list {
		names[i] = t.name
	}
	return strings.Join(names, ", ")
}
