package audit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Kind says how a logged value reads, so a page can show it in the
// reader's language: a date in their calendar, a number in their digits.
type Kind int

// The kinds of a logged value.
const (
	Empty  Kind = iota // absent, null, "" or an empty list
	Text               // a string; a code such as "pupil" is Text too
	Number             // a JSON number, kept as written
	Bool
	Date // a calendar day, "2015-03-12"
	Time // an instant, RFC 3339
	List // a list of scalars, joined
)

// Value is one side of a field's change.
type Value struct {
	Kind Kind
	Text string    // the value as logged (a list joined with ", ")
	Time time.Time // for Date and Time
	Bool bool
}

// FieldChange is one field whose value differs between the record before
// and after a change. Field is the JSON name; a nested object's fields are
// named with dots ("address.city").
type FieldChange struct {
	Field         string
	Before, After Value
}

// Diff compares the JSON records of an entry field by field and returns the
// fields that differ, in name order. A creation has only After, a deletion
// only Before; a field present on one side only is Empty on the other.
// Records that are not JSON objects compare as one field named "".
func Diff(before, after string) []FieldChange {
	b, a := flatten(before), flatten(after)
	names := make([]string, 0, len(b)+len(a))
	for k := range b {
		names = append(names, k)
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	var out []FieldChange
	for _, k := range names {
		vb, va := b[k], a[k]
		if vb.Kind == va.Kind && vb.Text == va.Text {
			continue
		}
		out = append(out, FieldChange{Field: k, Before: vb, After: va})
	}
	return out
}

// flatten reads a JSON record into its fields by dotted name.
func flatten(doc string) map[string]Value {
	out := map[string]Value{}
	if strings.TrimSpace(doc) == "" {
		return out
	}
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		out[""] = Value{Kind: Text, Text: doc}
		return out
	}
	walk(out, "", v)
	return out
}

func walk(out map[string]Value, name string, v any) {
	if m, ok := v.(map[string]any); ok {
		for k, sub := range m {
			if name != "" {
				k = name + "." + k
			}
			walk(out, k, sub)
		}
		return
	}
	if val := valueOf(v); val.Kind != Empty {
		out[name] = val
	}
}

// valueOf reads one JSON value.
func valueOf(v any) Value {
	switch x := v.(type) {
	case nil:
		return Value{}
	case bool:
		return Value{Kind: Bool, Bool: x, Text: fmt.Sprint(x)}
	case json.Number:
		return Value{Kind: Number, Text: x.String()}
	case string:
		return textValue(x)
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			if s := valueOf(e); s.Kind != Empty {
				parts = append(parts, s.Text)
			}
		}
		if len(parts) == 0 {
			return Value{}
		}
		return Value{Kind: List, Text: strings.Join(parts, ", ")}
	}
	var buf bytes.Buffer
	_ = json.NewEncoder(&buf).Encode(v)
	return Value{Kind: Text, Text: strings.TrimSpace(buf.String())}
}

// textValue recognises the dates and instants Go writes into JSON.
func textValue(s string) Value {
	switch {
	case s == "":
		return Value{}
	case len(s) == len(time.DateOnly):
		if t, err := time.Parse(time.DateOnly, s); err == nil {
			return Value{Kind: Date, Text: s, Time: t}
		}
	case len(s) >= len("2006-01-02T15:04:05Z"):
		if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
			if t.IsZero() {
				return Value{}
			}
			// A birth date is a time.Time at midnight UTC: it is a day.
			if h, m, sec := t.Clock(); h == 0 && m == 0 && sec == 0 && t.Nanosecond() == 0 && t.Location() == time.UTC {
				return Value{Kind: Date, Text: s, Time: t}
			}
			return Value{Kind: Time, Text: s, Time: t}
		}
	}
	return Value{Kind: Text, Text: s}
}
