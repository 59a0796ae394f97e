package geo

import (
	"slices"
	"strings"
)

// columns is the header of an import file: where each known column is and
// how many fields a line has.
type columns struct {
	at    map[string]int
	width int
}

// importColumns lists the columns an import file may have; the first four
// are required.
func importColumns() []string {
	return append([]string{"code", "parent_code", "type"}, nameColumns()...)
}

// header reads the header line. Names are matched without regard to case
// or surrounding spaces; unnamed columns are ignored.
func header(head []string) (columns, []RowError) {
	cols := columns{at: map[string]int{}, width: len(head)}
	var bad []RowError
	for i, h := range head {
		n := strings.ToLower(strings.TrimSpace(h))
		_, dup := cols.at[n]
		switch {
		case n == "":
		case !slices.Contains(importColumns(), n):
			bad = append(bad, RowError{Line: 1, Column: h, Value: h, Key: "error.unknown_column"})
		case dup:
			bad = append(bad, RowError{Line: 1, Column: n, Value: h, Key: "error.duplicate"})
		default:
			cols.at[n] = i
		}
	}
	for _, n := range importColumns()[:4] {
		if _, ok := cols.at[n]; !ok {
			bad = append(bad, RowError{Line: 1, Column: n, Key: "error.missing_column", Args: []any{"Column", n}})
		}
	}
	return cols, bad
}

// has returns the set of columns the file supplies.
func (c columns) has() map[string]bool {
	out := make(map[string]bool, len(c.at))
	for n := range c.at {
		out[n] = true
	}
	return out
}

// parseRow checks one data line on its own. The region comes back with its
// code cleared when the code itself is unusable.
func parseRow(rec []string, c columns) (Region, []RowError) {
	get := func(col string) string {
		if i, ok := c.at[col]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var fs []RowError
	bad := func(col, key string, args ...any) {
		fs = append(fs, RowError{Column: col, Value: get(col), Key: key, Args: args})
	}
	for _, extra := range rec[min(c.width, len(rec)):] {
		if strings.TrimSpace(extra) != "" {
			fs = append(fs, RowError{Value: extra, Key: "error.bad_csv"})
			break
		}
	}
	r := Region{Code: normCode(get("code")), ParentCode: normCode(get("parent_code")), Type: get("type")}
	switch {
	case r.Code == "":
		bad("code", "error.required", "Field", "code")
	case !validCode(r.Code):
		bad("code", "error.bad_code")
		r.Code = ""
	}
	switch {
	case r.ParentCode == "":
		bad("parent_code", "error.required", "Field", "parent_code")
	case !validCode(r.ParentCode):
		bad("parent_code", "error.unknown_parent")
	case r.ParentCode == r.Code:
		bad("parent_code", "error.cycle")
	}
	if r.Type == "" {
		bad("type", "error.required", "Field", "type")
	} else if !validType(r.Type) {
		bad("type", "error.bad_type")
	}
	for _, n := range nameColumns() {
		v := get(n)
		*r.name(n) = v
		switch ok, long := validName(v); {
		case n == "name_en" && v == "":
			bad(n, "error.required", "Field", n)
		case !ok:
			bad(n, "error.invalid")
		case long:
			bad(n, "error.too_long", "Field", n, "Count", maxName)
		}
	}
	return r, fs
}
