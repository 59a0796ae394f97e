package admin_test

import (
	"testing"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/i18n"
)

// TestLogWordsAreTranslated checks that every record type, action, subject
// kind and surface the domains write (audit's vocabulary, itself checked
// against their source) has a message; the catalogue test checks that
// every language has every message.
func TestLogWordsAreTranslated(t *testing.T) {
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	sets := map[string][]string{"audit.entity.": audit.Entities(), "audit.action.": audit.Actions(),
		"accesslog.kind.": audit.SubjectKinds(), "accesslog.via.": audit.Vias()}
	for _, loc := range i18n.All() {
		l := cat.Localizer(loc)
		for prefix, words := range sets {
			for _, w := range words {
				if l.T(prefix+w) == prefix+w {
					t.Errorf("%s: no message %s%s", loc, prefix, w)
				}
			}
		}
	}
}
