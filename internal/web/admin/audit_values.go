package admin

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"unicode"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/i18n"
)

// fieldRow is one changed field of a logged record, named and valued for
// the reader. A creation has no Before, a deletion no After.
type fieldRow struct {
	Name, Before, After string
	Created, Deleted    bool
	// LTR marks a field whose values have no letters (a phone number, an
	// ID number): in a right-to-left page they would read backwards.
	LTR bool
}

// valueFormat shows the values of logged records in the reader's language:
// days in their calendar, numbers in their digits, codes translated,
// region codes as names.
type valueFormat struct {
	page   Page
	l      *i18n.Localizer
	region func(code string) string
}

func (s *Server) valueFormat(ctx context.Context, rq *request, page Page) valueFormat {
	return valueFormat{page: page, l: rq.L, region: s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))}
}

// rows compares a logged record before and after, field by field.
func (vf valueFormat) rows(before, after string) []fieldRow {
	created, deleted := before == "" && after != "", after == "" && before != ""
	var out []fieldRow
	for _, c := range audit.Diff(before, after) {
		out = append(out, fieldRow{Name: fieldName(vf.l, c.Field), Before: vf.text(c.Field, c.Before),
			After: vf.text(c.Field, c.After), Created: created, Deleted: deleted,
			LTR: unlettered(c.Before) && unlettered(c.After)})
	}
	return out
}

// unlettered reports whether v is text without a single letter.
func unlettered(v audit.Value) bool {
	if v.Kind != audit.Text && v.Kind != audit.Empty {
		return false
	}
	return !strings.ContainsFunc(v.Text, unicode.IsLetter)
}

// text shows one value of field; an empty one is a dash.
func (vf valueFormat) text(field string, v audit.Value) string {
	name := field[strings.LastIndexByte(field, '.')+1:]
	switch v.Kind {
	case audit.Empty:
		return "—"
	case audit.Bool:
		if v.Bool {
			return vf.l.T("common.yes")
		}
		return vf.l.T("common.no")
	case audit.Date:
		return vf.page.Day(v.Time)
	case audit.Time:
		return vf.page.DateTime(v.Time)
	case audit.Number:
		return vf.l.Digits(v.Text)
	case audit.Text:
		return vf.code(name, v.Text)
	}
	return v.Text
}

// code translates a value that is a known code of its field: a sex, a
// relation, a language, a region; anything else is shown as logged.
func (vf valueFormat) code(name, v string) string {
	switch name {
	case "locale", "default_locale":
		if l, ok := i18n.Parse(v); ok {
			return l.NativeName()
		}
	case "region", "region_code", "parent_code", "country":
		return vf.region(v)
	}
	// Codes are keyed in lower case; a sex is logged as "F".
	low := strings.ToLower(v)
	for _, prefix := range codePrefixes(name) {
		if s := word(vf.l, prefix, low); s != low {
			return s
		}
	}
	return v
}

// prettyJSON indents a JSON document for reading, with "<", ">" and "&"
// written as themselves rather than escaped (the page escapes them);
// anything that is not JSON comes back as it is.
func prettyJSON(s string) string {
	if s == "" {
		return ""
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return s
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return s
	}
	return strings.TrimSuffix(buf.String(), "\n")
}
