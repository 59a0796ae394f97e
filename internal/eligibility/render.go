package eligibility

import (
	"math"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/i18n"
)

// Names turns the codes and ids of an explanation into names in the
// reader's language. A nil function leaves the code readable as it is:
// a category's code, a region's last code, an item's or institution's
// number.
type Names struct {
	Category    func(code string) string
	Region      func(path string) string
	Item        func(id int64) string
	Institution func(id int64) string
}

// Render assembles m into text in l's language: nested messages and lists
// first, then the message itself with l's plurals and digits.
func Render(l *i18n.Localizer, n Names, m Message) string {
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		if i%2 == 0 {
			args[i] = a
			continue
		}
		args[i] = value(l, n, a)
	}
	return l.T(m.Key, args...)
}

// RenderAll renders each message; the long version is read line by line.
func RenderAll(l *i18n.Localizer, n Names, ms []Message) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = Render(l, n, m)
	}
	return out
}

// value renders one argument; integers stay integers so that T chooses
// the plural form by them and writes them with the locale's digits.
func value(l *i18n.Localizer, n Names, a any) any {
	loc := l.Locale()
	switch v := a.(type) {
	case Message:
		return Render(l, n, v)
	case List:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = toString(loc, value(l, n, x))
		}
		return strings.Join(parts, l.T("common.list_separator"))
	case Points:
		if v < 0 {
			return loc.Number(int64(v))
		}
		plus := "+"
		if loc == i18n.FA {
			plus = "\u200e+" // keeps the sign before the digits in right-to-left text
		}
		return plus + loc.Number(int64(v))
	case Km:
		return km(loc, float64(v))
	case Category:
		return name(n.Category, string(v), string(v))
	case Income:
		if s := l.T("income." + string(v)); s != "income."+string(v) {
			return s
		}
		return string(v)
	case Region:
		return name(n.Region, string(v), geo.PathCode(string(v)))
	case Item:
		return name(n.Item, int64(v), "#"+loc.Digits(strconv.FormatInt(int64(v), 10)))
	case Institution:
		return name(n.Institution, int64(v), "#"+loc.Digits(strconv.FormatInt(int64(v), 10)))
	}
	return a
}

func name[K any](f func(K) string, k K, fallback string) string {
	if f != nil {
		if s := f(k); s != "" {
			return s
		}
	}
	return fallback
}

func toString(loc i18n.Locale, v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return loc.Number(int64(x))
	}
	return ""
}

// km writes a distance with one decimal at most and the locale's decimal
// separator and digits (CLDR: "," for kk, ru and fr, "٫" for fa).
func km(loc i18n.Locale, v float64) string {
	v = math.Round(v*10) / 10
	whole := int64(v)
	s := loc.Number(whole)
	if tenth := int64(math.Round((v - float64(whole)) * 10)); tenth != 0 {
		sep := "."
		switch loc {
		case i18n.KK, i18n.RU, i18n.FR:
			sep = ","
		case i18n.FA:
			sep = "\u066b"
		}
		s += sep + loc.Digits(strconv.FormatInt(tenth, 10))
	}
	return s
}
