package youth_test

import (
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/youth"
)

// TestGuardianConsent holds a minor back from matching until a
// coordinator of their branch records a guardian's consent, checked and
// logged; an adult needs none.
func TestGuardianConsent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		minor, adult, _ := w.people(t)
		y, err := w.s.Get(ctx, w.coordAlmaly, minor, youth.ViaWeb)
		must(t, err)
		if got := youth.MatchReady(y, today); !slices.Equal(got, []string{"youth.missing.guardian_consent"}) {
			t.Errorf("a minor without consent: %q", got)
		}
		if got := youth.MatchReady(y, y.Birth.AddDate(18, 0, 0)); got != nil {
			t.Errorf("on the 18th birthday: %q", got)
		}
		if m := youth.ForMatch(y, []int64{7}, nil); m.Consent || m.Region != "KZ-75" || m.Field != "it" || m.Languages[0] != "kk" {
			t.Errorf("for the matching: %+v", m)
		}
		a, err := w.s.Get(ctx, w.coordAlmaty, adult, youth.ViaWeb)
		must(t, err)
		if got := youth.MatchReady(a, today); got != nil {
			t.Errorf("an adult: %q", got)
		}

		g := youth.Guardian{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 555 44 33", ConsentOn: today}
		for _, p := range []struct {
			name string
			err  error
		}{
			{"operator", mustFailY(w.s.RecordGuardianConsent(ctx, w.opHead, minor, g))},
			{"another branch", mustFailY(w.s.RecordGuardianConsent(ctx, w.coordAstana, minor, g))},
		} {
			if errs.CodeOf(p.err) != errs.Forbidden {
				t.Errorf("%s recorded consent: %v", p.name, p.err)
			}
		}
		bad := youth.Guardian{Relation: "mother", Contact: "x", ConsentOn: today.AddDate(0, 0, 1)}
		want := []string{"guardian_name error.required", "consent_on error.youth_consent_date"}
		if got := fieldKeys(mustFailY(w.s.RecordGuardianConsent(ctx, w.coordAlmaly, minor, bad))); !slices.Equal(got, want) {
			t.Errorf("bad consent: %q", got)
		}

		y, err = w.s.RecordGuardianConsent(ctx, w.coordAlmaly, minor, g)
		must(t, err)
		if !y.Guardian.Consented() || y.Guardian.RecordedBy != w.coordAlmaly.UserID || y.Guardian.Recorder != "almaly" {
			t.Errorf("recorded %+v", y.Guardian)
		}
		if got := youth.MatchReady(y, today); got != nil {
			t.Errorf("with consent: %q", got)
		}
		if !youth.ForMatch(y, nil, nil).Consent {
			t.Error("the matching does not see the consent")
		}
		seen, err := w.s.Get(ctx, admin, minor, youth.ViaWeb)
		if err != nil || seen.Guardian.ConsentOn != today || seen.Guardian.Contact != "+• ••• ••• •• 33" {
			t.Errorf("read back %+v, %v", seen.Guardian, err)
		}
		var n int
		must(t, db.R.QueryRowContext(ctx, store.Rebind(db.Engine,
			"SELECT count(*) FROM audit_log WHERE entity = 'youth' AND action = 'give_consent' AND entity_id = $1"), itoa(minor)).Scan(&n))
		if n != 1 {
			t.Errorf("%d consents in the change log", n)
		}
	})
}

func mustFailY(_ youth.Youth, err error) error { return err }
