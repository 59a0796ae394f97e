package i18n_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/i18n"
)

// A message key given as an argument is written translated.
func TestKeyArgument(t *testing.T) {
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	got := c.Localizer(i18n.RU).T("error.report_not_closed", "Status", i18n.Key("campaign.status.open"))
	if want := "в статусе «Открыта»"; !strings.Contains(got, want) {
		t.Errorf("%q lacks %q", got, want)
	}
}
