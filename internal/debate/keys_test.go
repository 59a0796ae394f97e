package debate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestKeysInEveryCatalogue finds the message keys this package writes
// out and checks that each catalogue has them, and that the relaxations'
// messages use only the arguments Message gives them.
func TestKeysInEveryCatalogue(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	keyRe := regexp.MustCompile(`"((?:error|debate)\.[a-z_.]+[a-z_])"`)
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
	if len(used) < 30 {
		t.Fatalf("found only %d keys: the pattern no longer matches the code", len(used))
	}
	args := map[string][]string{
		RelaxRepeat: {"A", "B", "Times"}, RelaxPullUp: {"A", "B", "Wins", "Bracket"},
		RelaxSchool: {"A", "B", "School"}, RelaxRegion: {"A", "B", "Region"},
		RelaxSides: {"A", "Prop", "Opp"}, RelaxJudges: {"A", "B", "Have", "Need"},
	}
	placeholder := regexp.MustCompile(`\{\{\.([A-Za-z]+)\}\}`)
	for _, loc := range []string{"en", "ru", "kk", "fr", "fa"} {
		var cat map[string]any
		b, err := os.ReadFile(filepath.Join("..", "i18n", "locales", loc+".json"))
		if err != nil || json.Unmarshal(b, &cat) != nil {
			t.Fatalf("read %s: %v", loc, err)
		}
		for k := range used {
			msg, ok := cat[k].(string)
			if !ok {
				t.Errorf("%s: %s missing", loc, k)
				continue
			}
			if want, ok := args[k]; ok {
				for _, m := range placeholder.FindAllStringSubmatch(msg, -1) {
					if !slices.Contains(want, m[1]) {
						t.Errorf("%s: %s uses {{.%s}}, which it is not given", loc, k, m[1])
					}
				}
			}
		}
	}
}
