package imports

import (
	"fmt"
	"strings"

	"github.com/jolproject/jol/internal/tabular"
)

// Mapping says which canonical column each column of a file holds; -1
// marks a column that is not imported.
type Mapping struct {
	index map[Column]int
	cols  []Column // by file position; "" when not imported
}

// Template is a saved mapping of headers Jol does not know by itself:
// folded header → column. An operator maps an unknown header once in the
// web form and the template reuses the answer for the next file.
type Template map[string]Column

// HeaderProblem is what is wrong with a file's header row.
type HeaderProblem struct {
	Column int    // 1-based position in the file
	Header string // as written
	Key    string // i18n key: "import.header_unknown", "import.header_duplicate", "import.header_missing"
	Args   []any
}

// MapHeader recognises a header row as a list of target t. Unknown headers are reported (they
// are not imported unless a template maps them); two headers meaning the
// same column and missing required columns are reported too, and only the
// latter two make the file unusable (see Fatal).
func (t *Target) MapHeader(header []string, tpl Template) (Mapping, []HeaderProblem) {
	known := map[string]Column{}
	for _, c := range t.cols {
		known[headerKey(string(c.Key))] = c.Key
		for _, n := range c.Aliases {
			known[headerKey(n)] = c.Key
		}
	}
	for k, c := range tpl {
		known[headerKey(k)] = c
	}
	m := Mapping{index: map[Column]int{}, cols: make([]Column, len(header))}
	var probs []HeaderProblem
	for i, h := range header {
		c, ok := known[headerKey(h)]
		switch {
		case headerKey(h) == "":
			continue
		case !ok:
			probs = append(probs, HeaderProblem{Column: i + 1, Header: h, Key: "import.header_unknown"})
		case hasIndex(m.index, c):
			probs = append(probs, HeaderProblem{Column: i + 1, Header: h, Key: "import.header_duplicate",
				Args: []any{"Column", string(c), "Other", m.index[c] + 1}})
		default:
			m.index[c], m.cols[i] = i, c
		}
	}
	for _, c := range t.cols {
		if c.Required && !hasIndex(m.index, c.Key) {
			probs = append(probs, HeaderProblem{Key: "import.header_missing", Args: []any{"Column", string(c.Key)}})
		}
	}
	return m, probs
}

func hasIndex(m map[Column]int, c Column) bool { _, ok := m[c]; return ok }

// Fatal reports whether problems stop the import: a missing required
// column or a column given twice. Unknown columns only need a decision.
func Fatal(probs []HeaderProblem) bool {
	for _, p := range probs {
		if p.Key != "import.header_unknown" {
			return true
		}
	}
	return false
}

// Has reports whether the file has column c.
func (m Mapping) Has(c Column) bool { return hasIndex(m.index, c) }

// Value returns the cell of column c in a row, "" when the file has no
// such column or the row is short.
func (m Mapping) Value(cells []string, c Column) string {
	i, ok := m.index[c]
	if !ok || i >= len(cells) {
		return ""
	}
	return cells[i]
}

// Width is the number of columns the header has.
func (m Mapping) Width() int { return len(m.cols) }

func (m Mapping) String() string { return fmt.Sprint(m.cols) }

// Fields are the cells of one row of a file, by column, for a target's
// parser.
type Fields struct {
	Line  int // the line of the file
	m     *Mapping
	cells []string
}

// Get returns the cell of column c without the spaces around it, "" when
// the file has no such column.
func (f Fields) Get(c Column) string { return strings.TrimSpace(f.m.Value(f.cells, c)) }

// Has reports whether the file has column c.
func (f Fields) Has(c Column) bool { return f.m.Has(c) }

// Error is the reason key (with args) against column c of the row, with
// the cell as written.
func (f Fields) Error(c Column, key string, args ...any) RowError {
	return RowError{Line: f.Line, Column: string(c), Value: f.m.Value(f.cells, c), Key: key, Args: args}
}

// rowErrors are the problems of a row any target rejects it for: a
// formula in a column it imports, cells beyond the header.
func (m *Mapping) rowErrors(r tabular.Row) []RowError {
	var errs []RowError
	for _, i := range r.Formulas {
		if i < len(m.cols) && m.cols[i] != "" {
			errs = append(errs, RowError{Line: r.Line, Column: string(m.cols[i]), Value: m.Value(r.Cells, m.cols[i]),
				Key: "import.formula"})
		}
	}
	if len(r.Cells) > m.Width() && strings.TrimSpace(strings.Join(r.Cells[m.Width():], "")) != "" {
		errs = append(errs, RowError{Line: r.Line, Column: "", Value: strings.Join(r.Cells[m.Width():], " | "),
			Key: "import.ragged", Args: []any{"Count", len(r.Cells), "Width", m.Width()}})
	}
	return errs
}

// Columns are what each column of the file holds, by position; "" for a
// column not imported.
func (m Mapping) Columns() []Column { return m.cols }
