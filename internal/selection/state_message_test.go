package selection_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/testworld"
)

// A step refused at the wrong stage names the stage in the reader's
// language, not by its code.
func TestWrongStageIsNamedInTheReadersLanguage(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		svc, coord := w.Services.Selection, w.Principal(access.Coordinator)
		sel, err := svc.Create(ctx, coord, selection.Input{Name: "Leaders", OrgID: w.Foundation.ID, Places: 6,
			QuotaMode: selection.Fixed, Quotas: six, TieRule: selection.RegisteredFirst, AppealDays: 3})
		check(t, err)
		check(t, svc.Enter(ctx, coord, sel.ID, selection.Score{Round: "Almaty",
			YouthID: youngPerson(t, w, w.Foundation, "KZ-75", "Abenova", true), Score: 90, Rank: 1}))
		_, err = svc.Rank(ctx, coord, sel.ID)
		check(t, err)
		_, err = svc.Publish(ctx, coord, sel.ID)
		e := errs.As(err)
		if e == nil {
			t.Fatalf("published a ranked selection: %v", err)
		}
		cat, err := i18n.New()
		check(t, err)
		if got := cat.Localizer(i18n.RU).T(e.Key, e.Args...); !strings.Contains(got, "(Ранжирован)") {
			t.Errorf("ru: %q", got)
		}
	})
}
