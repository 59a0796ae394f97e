package mentorship_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// An administrator of another organisation neither reads nor works a
// concern about a young person of the Foundation's: a concern is the
// most private record of all. The installation's own administrator,
// whose scope is everything, still does.
func TestConcernsStayInTheAdministratorsScope(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		e := setup(t, w)
		ctx := t.Context()
		c, err := e.s.ReportConcern(ctx, e.mentor, e.f.Minor, "Mentioned trouble at home")
		must(t, err)
		outside := w.User(t, accounts.NewUser{Email: "tehran-admin@example.org", Name: "Tehran admin",
			Role: access.Admin, OrgID: w.Tehran.ID, Region: "IR-23"}).Principal()
		if list, _, err := e.s.Concerns(ctx, outside, "", store.Page{}); err != nil || len(list) != 0 {
			t.Errorf("the Tehran administrator's list: %+v, %v", list, err)
		}
		_, err = e.s.Concern(ctx, outside, c.ID)
		wantKey(t, err, "error.forbidden")
		_, err = e.s.WorkConcern(ctx, outside, c.ID, c.Version, mentorship.ConcernInProgress, "")
		wantKey(t, err, "error.forbidden")
		if _, err := e.s.Concern(ctx, access.System, c.ID); err != nil {
			t.Errorf("the installation's administrator: %v", err)
		}
	})
}

// A concern moved back is refused naming its status in the reader's
// language.
func TestConcernStepNamesTheStatusInTheReadersLanguage(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		e := setup(t, w)
		ctx := t.Context()
		c, err := e.s.ReportConcern(ctx, e.mentor, e.f.Minor, "Mentioned trouble at home")
		must(t, err)
		c, err = e.s.WorkConcern(ctx, e.admin, c.ID, c.Version, mentorship.ConcernInProgress, "")
		must(t, err)
		_, err = e.s.WorkConcern(ctx, e.admin, c.ID, c.Version, mentorship.ConcernOpen, "")
		de := errs.As(err)
		if de == nil {
			t.Fatalf("moved back: %v", err)
		}
		cat, err := i18n.New()
		must(t, err)
		if got := cat.Localizer(i18n.RU).T(de.Key, de.Args...); !strings.Contains(got, "«в работе»") {
			t.Errorf("ru: %q", got)
		}
	})
}
