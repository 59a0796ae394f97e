package match

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestKeysInEveryCatalogue finds the message keys this package writes
// out and checks that each catalogue has them, with placeholders only
// for the arguments the package gives.
func TestKeysInEveryCatalogue(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	keyRe := regexp.MustCompile(`"((?:error|mentoring)\.[a-z_.0-9]+[a-z_0-9])"`)
	used := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyRe.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
	}
	if len(used) != 21 {
		t.Fatalf("found %d keys, want 21: the pattern no longer matches the code", len(used))
	}
	// The arguments each message may use; the rest take none but Args
	// of the reasons (Field, Region, …), which a message may ignore.
	allowed := []string{"ID", "Max", "Youth", "Mentor", "Field", "Region", "Language", "Format", "Candidates"}
	placeholder := regexp.MustCompile(`\{\{\.([A-Za-z]+)\}\}`)
	for _, loc := range []string{"en", "ru", "kk", "fr", "fa"} {
		var cat map[string]any
		b, err := os.ReadFile(filepath.Join("..", "..", "i18n", "locales", loc+".json"))
		if err != nil || json.Unmarshal(b, &cat) != nil {
			t.Fatalf("read %s: %v", loc, err)
		}
		for k := range used {
			msg, ok := cat[k].(string)
			if !ok {
				t.Errorf("%s: %s missing", loc, k)
				continue
			}
			for _, m := range placeholder.FindAllStringSubmatch(msg, -1) {
				if !strings.Contains(strings.Join(allowed, " "), m[1]) {
					t.Errorf("%s: %s uses {{.%s}}", loc, k, m[1])
				}
			}
		}
	}
}
