package imports

import "fmt"

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

// Required are the columns a file must have.
func Required() []Column { return []Column{LastName, FirstName} }

// MapHeader recognises a header row. Unknown headers are reported (they
// are not imported unless a template maps them); two headers meaning the
// same column and missing required columns are reported too, and only the
// latter two make the file unusable (see Fatal).
func MapHeader(header []string, tpl Template) (Mapping, []HeaderProblem) {
	known := map[string]Column{}
	for c, names := range aliases {
		known[headerKey(string(c))] = c
		for _, n := range names {
			known[headerKey(n)] = c
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
	for _, c := range Required() {
		if !hasIndex(m.index, c) {
			probs = append(probs, HeaderProblem{Key: "import.header_missing", Args: []any{"Column", string(c)}})
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
