package i18n

import (
	"fmt"
	"math"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

// pluralArg is the name of the argument that selects the plural form.
const pluralArg = "Count"

// T returns the message for key in the Localizer's locale.
//
// args are either alternating name/value pairs,
//
//	T("login.locked", "Minutes", 5)
//	T("home.greeting", "Name", user.Name)
//
// or a single map[string]any or map[string]string. The names are the
// template fields used in the message ({{.Minutes}}, {{.Name}}).
//
// The plural form is chosen by the "Count" argument; if there is no "Count",
// but exactly one argument is an integer, that one is used, so
// T("login.locked", "Minutes", 1) picks the "one" form. Integer arguments
// are shown with the locale's digits and grouping (Persian digits for fa),
// other values with fmt's default formatting.
//
// A key missing from this locale falls back to the English message, and a
// key missing everywhere returns the key itself. T never panics; a nil
// Localizer also returns the key. The result is plain text: html/template
// escapes it when it is inserted into a page.
func (l *Localizer) T(key string, args ...any) (out string) {
	if l == nil || l.inner == nil {
		return key
	}
	defer func() {
		if recover() != nil {
			out = key
		}
	}()
	data, count := l.templateData(args)
	cfg := &goi18n.LocalizeConfig{MessageID: key, TemplateData: data, PluralCount: count}
	// On error go-i18n still returns its best effort (the English message,
	// or the "other" form when a plural form is missing), so only an empty
	// result means the message could not be produced at all.
	msg, _ := l.inner.Localize(cfg)
	if msg == "" {
		return key
	}
	return msg
}

// templateData turns T's arguments into template data and picks the plural
// count, or nil when the message should use its "other" form.
func (l *Localizer) templateData(args []any) (map[string]any, any) {
	data := make(map[string]any, len(args)/2+1)
	if len(args) == 1 {
		switch m := args[0].(type) {
		case map[string]any:
			for k, v := range m {
				data[k] = v
			}
		case map[string]string:
			for k, v := range m {
				data[k] = v
			}
		}
	} else {
		for i := 0; i+1 < len(args); i += 2 {
			data[fmt.Sprint(args[i])] = args[i+1]
		}
	}
	var count any
	if v, ok := data[pluralArg]; ok {
		count = pluralCount(v)
	} else {
		for _, v := range data {
			if n, ok := asInt64(v); ok {
				if count != nil {
					count = nil
					break
				}
				count = n
			}
		}
	}
	for k, v := range data {
		if n, ok := asInt64(v); ok {
			data[k] = l.locale.Number(n)
		}
		switch x := v.(type) {
		case Key:
			data[k] = l.T(string(x))
		case Day:
			data[k] = l.day(x)
		}
	}
	return data, count
}

// Key is a message key given as an argument of another message: it is
// written translated, as a status named in an error is.
type Key string

// pluralCount converts v to a value go-i18n accepts as a plural count, or
// returns nil if it cannot.
func pluralCount(v any) any {
	if n, ok := asInt64(v); ok {
		return n
	}
	switch v.(type) {
	case float32, float64, string:
		return v
	}
	return nil
}

// asInt64 reports whether v is an integer that fits in an int64.
func asInt64(v any) (int64, bool) {
	switch n := v.(type) {
	case int:
		return int64(n), true
	case int8:
		return int64(n), true
	case int16:
		return int64(n), true
	case int32:
		return int64(n), true
	case int64:
		return n, true
	case uint:
		return uintToInt64(uint64(n))
	case uint8:
		return int64(n), true
	case uint16:
		return int64(n), true
	case uint32:
		return int64(n), true
	case uint64:
		return uintToInt64(n)
	}
	return 0, false
}

func uintToInt64(n uint64) (int64, bool) {
	if n > math.MaxInt64 {
		return 0, false
	}
	return int64(n), true
}
