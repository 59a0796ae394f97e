package audit_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/audit"
)

// The shapes in which the domains write the logs' words: a Change literal's
// fields, an action chosen into a variable, a surface constant or variable,
// and the string arguments of the access-log calls.
var (
	entityLit = regexp.MustCompile(`Entity:\s*"([a-z_]+)"`)
	actionLit = regexp.MustCompile(`Action:\s*"([a-z_]+)"|\.Action,[^=\n]*= "([a-z_]+)"|\baction :?= "([a-z_]+)"`)
	viaLit    = regexp.MustCompile(`\bVia = "([a-z_]+)"|\bvia :?= "([a-z_]+)"`)
	logCall   = regexp.MustCompile(`\.(Viewed|ViewedIn|Probed|probe)\((.*)\)`)
	constLit  = regexp.MustCompile(`(?m)^\s*(?:const )?(\w+)\s*=\s*"([a-z_]+)"`)
)

// TestVocabularyCoversSource reads every Go file of internal/ and checks
// that each record type, action, subject kind and surface written to the
// logs is in the declared vocabulary, so each has a translation.
func TestVocabularyCoversSource(t *testing.T) {
	found := map[string]map[string]bool{"entity": {}, "action": {}, "kind": {}, "via": {}}
	add := func(set string, groups []string) {
		for _, g := range groups[1:] {
			if g != "" {
				found[set][g] = true
			}
		}
	}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		src := string(b)
		consts := map[string]string{}
		for _, m := range constLit.FindAllStringSubmatch(src, -1) {
			consts[m[1]] = m[2]
		}
		for _, m := range entityLit.FindAllStringSubmatch(src, -1) {
			add("entity", m)
		}
		for _, m := range actionLit.FindAllStringSubmatch(src, -1) {
			add("action", m)
		}
		for _, m := range viaLit.FindAllStringSubmatch(src, -1) {
			add("via", m)
		}
		for _, m := range logCall.FindAllStringSubmatch(src, -1) {
			args := strings.Split(m[2], ", ")
			word := func(a string) string {
				if s, ok := strings.CutPrefix(a, `"`); ok {
					return strings.TrimSuffix(s, `"`)
				}
				return consts[a]
			}
			if (m[1] == "Viewed" || m[1] == "ViewedIn") && len(args) > 2 {
				add("kind", []string{"", word(args[2])})
			}
			add("via", []string{"", word(args[len(args)-1])})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string][]string{"entity": audit.Entities(), "action": audit.Actions(),
		"kind": audit.SubjectKinds(), "via": audit.Vias()}
	// A floor for each, so a regexp that stops matching fails loudly
	// rather than passing on nothing.
	floor := map[string]int{"entity": 12, "action": 20, "kind": 4, "via": 6}
	for set, words := range found {
		if len(words) < floor[set] {
			t.Errorf("found only %d %s words in the source: %v", len(words), set, words)
		}
		for w := range words {
			if !slices.Contains(declared[set], w) {
				t.Errorf("the source writes %s %q, which audit does not declare", set, w)
			}
		}
	}
}
