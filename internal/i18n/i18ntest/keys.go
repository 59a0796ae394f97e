// Package i18ntest lets a package's tests check the message keys the
// package writes out: that every catalogue has each of them, and that
// each message uses only the arguments the package gives it.
package i18ntest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// Locales are the catalogues Jol ships.
var Locales = []string{"en", "ru", "kk", "fr", "fa"}

var placeholder = regexp.MustCompile(`\{\{\.([A-Za-z]+)\}\}`)

// UsedKeys returns the keys matched by the first group of pattern in the
// Go files (tests left out) of the package under test.
func UsedKeys(t testing.TB, pattern string) map[string]bool {
	t.Helper()
	re := regexp.MustCompile(pattern)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
	}
	return used
}

// Check fails t for each key of used that a catalogue lacks, and for each
// placeholder of a message that args (the arguments the key is given;
// nil: any) leaves out.
func Check(t testing.TB, used map[string]bool, args func(key string) []string) {
	t.Helper()
	for _, loc := range Locales {
		cat := Catalogue(t, loc)
		for k := range used {
			msg, ok := cat[k]
			if !ok {
				t.Errorf("%s: %s missing", loc, k)
				continue
			}
			allowed := args(k)
			if allowed == nil {
				continue
			}
			for _, m := range placeholder.FindAllStringSubmatch(msg, -1) {
				if !contains(allowed, m[1]) {
					t.Errorf("%s: %s uses {{.%s}}, which it is not given", loc, k, m[1])
				}
			}
		}
	}
}

// Catalogue reads one locale's catalogue from the source tree: each key's
// message, the forms of a plural message joined by newlines.
func Catalogue(t testing.TB, loc string) map[string]string {
	t.Helper()
	_, here, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("i18ntest: cannot find the catalogues")
	}
	b, err := os.ReadFile(filepath.Join(filepath.Dir(here), "..", "locales", loc+".json"))
	var raw map[string]any
	if err == nil {
		err = json.Unmarshal(b, &raw)
	}
	if err != nil {
		t.Fatalf("read the %s catalogue: %v", loc, err)
	}
	cat := make(map[string]string, len(raw))
	for k, v := range raw {
		switch v := v.(type) {
		case string:
			cat[k] = v
		case map[string]any:
			var forms []string
			for _, f := range v {
				if s, ok := f.(string); ok {
					forms = append(forms, s)
				}
			}
			cat[k] = strings.Join(forms, "\n")
		}
	}
	return cat
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
