package geo

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"sort"
	"strings"
)

// row is one data line of an import file that passed the checks that need
// no database.
type row struct {
	line int
	r    Region
}

// readFile parses an import file. Lines with errors are counted in res and
// left out; the rest come back parents first, with the set of columns the
// header names. The error is a failure to read, not a fault of the file.
func readFile(in io.Reader, res *Result) ([]row, map[string]bool, error) {
	br := bufio.NewReader(in)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\uFEFF")) {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.Comma, cr.FieldsPerRecord = separator(br), -1
	head, err := cr.Read()
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		res.Errors = append(res.Errors, RowError{Line: pe.StartLine, Key: "error.bad_csv"})
		return nil, nil, nil
	} else if err != nil && !errors.Is(err, io.EOF) {
		return nil, nil, err
	}
	cols, bad := header(head)
	if res.Errors = bad; len(bad) > 0 {
		return nil, nil, nil
	}
	var all []row
	var faults [][]RowError    // faults[i] are the errors of all[i]
	seen := map[string][]int{} // code → indexes in all
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.As(err, &pe) {
			res.Read++
			all, faults = append(all, row{line: pe.StartLine}), append(faults, []RowError{{Key: "error.bad_csv"}})
			continue
		} else if err != nil {
			return nil, nil, err
		}
		res.Read++
		line, _ := cr.FieldPos(0)
		r, fs := parseRow(rec, cols)
		if r.Code != "" {
			seen[r.Code] = append(seen[r.Code], len(all))
		}
		all, faults = append(all, row{line: line, r: r}), append(faults, fs)
	}
	for code, idx := range seen {
		if len(idx) > 1 {
			for _, i := range idx {
				faults[i] = append([]RowError{{Column: "code", Value: code, Key: "error.duplicate"}}, faults[i]...)
			}
		}
	}
	var rows []row
	for i, rw := range all {
		if len(faults[i]) == 0 {
			rows = append(rows, rw)
			continue
		}
		res.Rejected++
		for _, f := range faults[i] {
			f.Line = rw.line
			res.Errors = append(res.Errors, f)
		}
	}
	return parentsFirst(rows), cols.has(), nil
}

// parentsFirst orders rows so that a row whose parent is another row of the
// file comes after it; otherwise file order is kept. A loop of parents in
// the file is left in file order and refused when written.
func parentsFirst(rows []row) []row {
	at := make(map[string]int, len(rows))
	for i, rw := range rows {
		at[rw.r.Code] = i
	}
	depth := make([]int, len(rows))
	for i := range rows {
		for j, ok := at[rows[i].r.ParentCode]; ok && depth[i] < len(rows); j, ok = at[rows[j].r.ParentCode] {
			depth[i]++
		}
	}
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return depth[idx[a]] < depth[idx[b]] })
	out := make([]row, len(rows))
	for k, i := range idx {
		out[k] = rows[i]
	}
	return out
}

// separator guesses the field separator from the header line: spreadsheet
// programs set to Russian or French write semicolons.
func separator(br *bufio.Reader) rune {
	b, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	first := string(b)
	for _, sep := range []rune{';', '\t'} {
		if strings.ContainsRune(first, sep) && !strings.ContainsRune(first, ',') {
			return sep
		}
	}
	return ','
}
