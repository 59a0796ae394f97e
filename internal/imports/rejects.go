package imports

import (
	"context"
	"encoding/json"
	"iter"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/i18n"
)

// Reject is one stored reason a row of a run was rejected. Seq is the
// order it was found in: a batch's rows the registry refuses are found
// after the rows of the same batch that could not be parsed.
type Reject struct {
	Seq int
	RowError
}

// RejectCursor is where a page of rejects starts: after the reason of
// line Line numbered Seq. The zero cursor is the start; as the next page
// of the last one, it says there is none.
type RejectCursor struct{ Line, Seq int }

// String is the cursor as a link writes it.
func (c RejectCursor) String() string { return strconv.Itoa(c.Line) + "." + strconv.Itoa(c.Seq) }

// ParseRejectCursor reads a cursor as String writes it; anything else is
// the start.
func ParseRejectCursor(s string) RejectCursor {
	line, seq, _ := strings.Cut(s, ".")
	l, err1 := strconv.Atoi(line)
	q, err2 := strconv.Atoi(seq)
	if err1 != nil || err2 != nil || l < 0 || q < 0 {
		return RejectCursor{}
	}
	return RejectCursor{Line: l, Seq: q}
}

// Rejects returns up to limit reasons of run's rejected rows, in the
// order of the file's lines, after the cursor, and the cursor of the next
// page (zero after the last).
func (s *Service) Rejects(ctx context.Context, run RunRecord, after RejectCursor, limit int) ([]Reject, RejectCursor, error) {
	var none RejectCursor
	rows, err := s.db.R.QueryContext(ctx, s.q.Rejects, run.ID, after.Line, after.Seq, limit+1)
	if err != nil {
		return nil, none, err
	}
	defer rows.Close()
	var out []Reject
	for rows.Next() {
		var r Reject
		var args string
		if err := rows.Scan(&r.Seq, &r.Line, &r.Column, &r.Value, &r.Key, &args); err != nil {
			return nil, none, err
		}
		if r.Args, err = decodeArgs(args); err != nil {
			return nil, none, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, none, err
	}
	if len(out) > limit {
		last := out[limit-1]
		return out[:limit], RejectCursor{Line: last.Line, Seq: last.Seq}, nil
	}
	return out, none, nil
}

// RejectRows yields every rejected row of run, an import of up, as a
// report row — line, column, value, reason — in l's language, the column
// named as the file names it. It reads a page at a time; a failure to read
// stops the rows and is left in *failed.
func (s *Service) RejectRows(ctx context.Context, up Upload, run RunRecord, l *i18n.Localizer) (iter.Seq[[]string], *error) {
	failed := new(error)
	name := s.Namer(up, run, l)
	return func(yield func([]string) bool) {
		for after := (RejectCursor{}); ; {
			page, next, err := s.Rejects(ctx, run, after, 1000)
			if err != nil {
				*failed = err
				return
			}
			for _, r := range page {
				row := []string{strconv.Itoa(r.Line), name(r.Column), r.Value, Reason(l, r.RowError)}
				if !yield(row) {
					return
				}
			}
			if after = next; after == (RejectCursor{}) {
				return
			}
		}
	}, failed
}

// Reason is why a row was rejected in l's language; a field the message
// names is named in that language too.
func Reason(l *i18n.Localizer, e RowError) string {
	args := append([]any{}, e.Args...)
	for i := 0; i+1 < len(args); i += 2 {
		if name, ok := args[i+1].(string); ok && (args[i] == "Field" || args[i] == "Column") {
			args[i+1] = ColumnLabel(l, name)
		}
	}
	return l.T(e.Key, args...)
}

// Namer returns the name of a column of run, an import of up, as the
// file's header writes it; a field the file has no column for (or when the
// upload is purged) is named in l's language.
func (s *Service) Namer(up Upload, run RunRecord, l *i18n.Localizer) func(column string) string {
	var m Mapping
	if t := s.Targets.Get(up.Target); t != nil {
		m, _ = t.MapHeader(up.Preview.Header, run.Template)
	}
	return func(column string) string {
		if i, ok := m.index[Column(column)]; ok && i < len(up.Preview.Header) {
			return up.Preview.Header[i]
		}
		return ColumnLabel(l, column)
	}
}

// ColumnLabel names a canonical column or a field in l's language, or
// returns it as it is when there is no such message.
func ColumnLabel(l *i18n.Localizer, name string) string {
	if t := l.T("field." + name); t != "field."+name {
		return t
	}
	return name
}

// decodeArgs reads message arguments stored as JSON; whole numbers come
// back as int64, so messages show them in the reader's digits and plural.
func decodeArgs(s string) ([]any, error) {
	if s == "" {
		return nil, nil
	}
	var args []any
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	if err := dec.Decode(&args); err != nil {
		return nil, err
	}
	return typedArgs(args), nil
}

// typedArgs turns json.Number arguments into int64 (or float64).
func typedArgs(args []any) []any {
	for i, a := range args {
		if n, ok := a.(json.Number); ok {
			if v, err := n.Int64(); err == nil {
				args[i] = v
			} else if f, err := n.Float64(); err == nil {
				args[i] = f
			}
		}
	}
	return args
}
