package debate

import (
	"testing"

	"github.com/jolproject/jol/internal/i18n/i18ntest"
)

// TestKeysInEveryCatalogue finds the message keys this package writes
// out and checks that each catalogue has them, and that the relaxations'
// messages use only the arguments Message gives them.
func TestKeysInEveryCatalogue(t *testing.T) {
	used := i18ntest.UsedKeys(t, `"((?:error|debate)\.[a-z_.]+[a-z_])"`)
	if len(used) < 30 {
		t.Fatalf("found only %d keys: the pattern no longer matches the code", len(used))
	}
	args := map[string][]string{
		RelaxRepeat: {"A", "B", "Times"}, RelaxPullUp: {"A", "B", "Wins", "Bracket"},
		RelaxSchool: {"A", "B", "School"}, RelaxRegion: {"A", "B", "Region"},
		RelaxSides: {"A", "Prop", "Opp"}, RelaxJudges: {"A", "B", "Have", "Need"},
	}
	i18ntest.Check(t, used, func(k string) []string { return args[k] })
}
