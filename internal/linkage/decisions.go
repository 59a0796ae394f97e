package linkage

import (
	"bufio"
	"encoding/csv"
	"io"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/errs"
)

// Decisions are a reviewer's verdicts on pairs of a left and a right
// list, by record: a pair marked match is linked whatever the model
// says, one marked nonmatch never is, and neither goes to review again.
type Decisions struct {
	verdict map[[2]int]bool // {left, right} → true for match
	// Unknown counts the rows naming a record that is in neither list:
	// decisions about lists of an earlier run, which are kept but unused.
	Unknown int
}

// decisionRow is a row of a decisions file before its IDs are found.
type decisionRow struct {
	right, left string
	match       bool
	line        int
}

// ReadDecisions reads a decisions file, with the columns right_id,
// left_id and decision (match or nonmatch; other columns are ignored),
// and finds its records in left and right. It refuses, naming the line,
// a row without both IDs, a decision it cannot read, a pair decided
// both ways and a record marked match with two partners.
func ReadDecisions(r io.Reader, left, right *Dataset) (*Decisions, error) {
	rows, err := readDecisionRows(r)
	if err != nil {
		return nil, err
	}
	want := map[string]int{}
	for _, row := range rows {
		want["l"+row.left], want["r"+row.right] = -1, -1
	}
	for _, side := range []struct {
		p string
		d *Dataset
	}{{"l", left}, {"r", right}} {
		for i := range side.d.Len() {
			if at, ok := want[side.p+side.d.ID(i)]; ok && at < 0 {
				want[side.p+side.d.ID(i)] = i
			}
		}
	}
	dec := &Decisions{verdict: map[[2]int]bool{}}
	line := map[[2]int]int{}
	partner := map[string]int{} // "l"+id or "r"+id of a record marked match → line
	for _, row := range rows {
		l, r := want["l"+row.left], want["r"+row.right]
		if l < 0 || r < 0 {
			dec.Unknown++
			continue
		}
		k := [2]int{l, r}
		if v, ok := dec.verdict[k]; ok && v != row.match {
			return nil, errs.New(errs.Invalid, "linkage.decisions_conflict", "Line", row.line, "Other", line[k])
		}
		if row.match && !dec.verdict[k] {
			for _, id := range []string{"l" + row.left, "r" + row.right} {
				if at, ok := partner[id]; ok {
					return nil, errs.New(errs.Invalid, "linkage.decisions_two_partners",
						"Line", row.line, "Other", at, "ID", id[1:])
				}
				partner[id] = row.line
			}
		}
		dec.verdict[k], line[k] = row.match, row.line
	}
	return dec, nil
}

// readDecisionRows reads and checks the rows of a decisions file.
func readDecisionRows(r io.Reader) ([]decisionRow, error) {
	cr := csv.NewReader(bufio.NewReader(r))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, nil
	}
	if err != nil {
		return nil, csvError(err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	need := []string{"right_id", "left_id", "decision"}
	for _, n := range need {
		if _, ok := col[n]; !ok {
			return nil, errs.New(errs.Invalid, "linkage.decisions_columns", "Columns", strings.Join(need, ","))
		}
	}
	var rows []decisionRow
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		cell := func(n string) string {
			if i := col[n]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		row := decisionRow{right: cell("right_id"), left: cell("left_id"), line: line}
		if row.right == "" || row.left == "" {
			return nil, errs.New(errs.Invalid, "linkage.decisions_no_id", "Line", line)
		}
		switch v := strings.ToLower(cell("decision")); v {
		case "match":
			row.match = true
		case "nonmatch":
		default:
			return nil, errs.New(errs.Invalid, "linkage.decisions_value", "Line", line, "Value", cell("decision"))
		}
		rows = append(rows, row)
	}
}

// decided reports whether the pair has a decision, and whether either
// record is linked by one to a record other than the pair's.
func (d *Decisions) decided(l, r int, forced *[2][]bool) bool {
	if d == nil {
		return false
	}
	if _, ok := d.verdict[[2]int{l, r}]; ok {
		return true
	}
	return forced[0][l] || forced[1][r]
}

// matches returns the pairs marked match, ordered by right record, and
// marks their records in forced.
func (d *Decisions) matches(forced *[2][]bool) [][2]int {
	if d == nil {
		return nil
	}
	var out [][2]int
	for k, match := range d.verdict {
		if match {
			out = append(out, k)
			forced[0][k[0]], forced[1][k[1]] = true, true
		}
	}
	slices.SortFunc(out, func(a, b [2]int) int { return a[1] - b[1] })
	return out
}
