package i18n

import (
	"bytes"
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

var (
	keyPattern         = regexp.MustCompile(`^[a-z0-9_]+(\.[a-z0-9_]+)+$`)
	placeholderPattern = regexp.MustCompile(`\{\{\s*\.([A-Za-z][A-Za-z0-9_]*)\s*\}\}`)
)

// requiredPlurals returns the CLDR cardinal plural categories of l, which a
// plural message must provide exactly. They come from CLDR's plurals.xml,
// the data go-i18n generates its rules from (its internal/plural package
// cannot be imported): "kk", "fa" and "en" have one/other; "ru" has
// one/few/many/other ("other" is used for fractions); "fr" has
// one/many/other ("many" is used for millions, as in "1 000 000 d'enfants").
func requiredPlurals(l Locale) []string {
	switch l {
	case RU:
		return []string{"few", "many", "one", "other"}
	case FR:
		return []string{"many", "one", "other"}
	}
	return []string{"one", "other"}
}

// entry is one message of a catalogue as written in the JSON file.
type entry struct {
	forms  map[string]string // plural category (or "other") to text
	plural bool              // the JSON value was an object
}

// readCatalogue decodes locales/<l>.json itself, independently of go-i18n,
// rejecting duplicate keys and values that are neither a string nor an
// object of strings.
func readCatalogue(t *testing.T, l Locale) map[string]entry {
	t.Helper()
	buf, err := localesFS.ReadFile("locales/" + string(l) + ".json")
	if err != nil {
		t.Fatalf("%s: %v", l, err)
	}
	dec := json.NewDecoder(bytes.NewReader(buf))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("%s: catalogue is not a JSON object (%v)", l, err)
	}
	out := map[string]entry{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		key := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			t.Fatalf("%s: %s: %v", l, key, err)
		}
		if _, dup := out[key]; dup {
			t.Errorf("%s: duplicate key %q", l, key)
		}
		var s string
		var forms map[string]string
		switch {
		case json.Unmarshal(raw, &s) == nil:
			out[key] = entry{forms: map[string]string{"other": s}}
		case json.Unmarshal(raw, &forms) == nil:
			out[key] = entry{forms: forms, plural: true}
		default:
			t.Errorf("%s: %s: value must be a string or an object of plural forms", l, key)
		}
	}
	return out
}

// placeholders returns the sorted, de-duplicated template fields of s and
// reports whether every "{{" and "}}" in s belongs to a simple {{.Field}}.
func placeholders(s string) ([]string, bool) {
	matches := placeholderPattern.FindAllStringSubmatch(s, -1)
	names := make([]string, 0, len(matches))
	for _, m := range matches {
		names = append(names, m[1])
	}
	sort.Strings(names)
	wellFormed := strings.Count(s, "{{") == len(matches) && strings.Count(s, "}}") == len(matches)
	return slices.Compact(names), wellFormed
}

func TestCatalogsComplete(t *testing.T) {
	en := readCatalogue(t, EN)
	if len(en) < 90 {
		t.Fatalf("en catalogue has only %d keys", len(en))
	}
	for _, l := range All() {
		cat := readCatalogue(t, l)
		for key := range en {
			if _, ok := cat[key]; !ok {
				t.Errorf("%s: missing key %q", l, key)
			}
		}
		for key, e := range cat {
			ref, ok := en[key]
			if !ok {
				t.Errorf("%s: key %q is not in en", l, key)
				continue
			}
			if !keyPattern.MatchString(key) {
				t.Errorf("%s: key %q is not dotted lower-case", l, key)
			}
			if ref.plural && !e.plural {
				t.Errorf("%s: %s is plural in en but a plain string here", l, key)
			}
			if e.plural {
				got := slices.Sorted(maps.Keys(e.forms))
				if want := requiredPlurals(l); !slices.Equal(got, want) {
					t.Errorf("%s: %s has plural forms %v, want %v", l, key, got, want)
				}
			}
			want, _ := placeholders(ref.forms["other"])
			for form, text := range e.forms {
				if strings.TrimSpace(text) == "" {
					t.Errorf("%s: %s[%s] is empty", l, key, form)
				}
				got, ok := placeholders(text)
				if !ok {
					t.Errorf("%s: %s[%s] has a malformed placeholder: %q", l, key, form, text)
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s: %s[%s] has placeholders %v, en has %v", l, key, form, got, want)
				}
			}
		}
	}
}
