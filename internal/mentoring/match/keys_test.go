package match

import (
	"testing"

	"github.com/jolproject/jol/internal/i18n/i18ntest"
)

// TestKeysInEveryCatalogue finds the message keys this package writes
// out and checks that each catalogue has them, with placeholders only
// for the arguments the package gives.
func TestKeysInEveryCatalogue(t *testing.T) {
	used := i18ntest.UsedKeys(t, `"((?:error|mentoring)\.[a-z_.0-9]+[a-z_0-9])"`)
	if len(used) != 21 {
		t.Fatalf("found %d keys, want 21: the pattern no longer matches the code", len(used))
	}
	// The arguments each message may use; the rest take none but Args
	// of the reasons (Field, Region, …), which a message may ignore.
	allowed := []string{"ID", "Max", "Youth", "Mentor", "Field", "Region", "Language", "Format", "Candidates"}
	i18ntest.Check(t, used, func(string) []string { return allowed })
}
