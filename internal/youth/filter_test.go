package youth_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/youth"
)

// TestListFilters narrows the list by region, status, field and branch,
// refuses an unknown region or branch beside its filter, and keeps under
// "consent missing" those under 18 on the day of the listing without a
// guardian's consent: one who registered at 17 and has turned 18 since
// leaves it though their age group stays 14-17.
func TestListFilters(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		guardian := youth.GuardianDetails{Name: "Aliya Seitkali", Relation: "mother", Contact: "+7 701 000 11 22"}
		soon := in("Soon") // 18 in ten days
		soon.Birth, soon.Guardian, soon.Contact.Phone = today.AddDate(-18, 0, 10), guardian, "+7 701 000 00 01"
		young := in("Young")
		young.Birth, young.Guardian, young.Contact.Phone = today.AddDate(-15, 0, 0), guardian, "+7 701 000 00 02"
		consented := in("Consented")
		consented.Birth, consented.Guardian, consented.Contact.Phone = today.AddDate(-16, 0, 0), guardian, "+7 701 000 00 03"
		auezov := in("Auezov")
		auezov.RegionCode, auezov.Status, auezov.Field = "KZ-75-02", youth.Employed, "media"
		ids := map[string]int64{}
		for _, i := range []youth.Input{soon, young, consented, auezov, in("Adult")} {
			ids[i.FirstName] = w.register(t, i).ID
		}
		_, err := w.s.RecordGuardianConsent(ctx, w.coordAlmaty, ids["Consented"], youth.Guardian{Name: "Aliya Seitkali",
			Relation: "mother", Contact: "+7 701 000 11 22", ConsentOn: today})
		must(t, err)

		names := func(s *youth.Service, f youth.Filter) string {
			t.Helper()
			ys, _, err := s.List(ctx, admin, f, store.Page{Limit: 50})
			must(t, err)
			var out []string
			for _, y := range ys {
				out = append(out, y.FirstName)
			}
			slices.Sort(out)
			return strings.Join(out, " ")
		}
		for f, want := range map[youth.Filter]string{
			{NoConsent: true}:                  "Soon Young",
			{Region: "KZ-75-02"}:               "Auezov",
			{Status: youth.Employed}:           "Auezov",
			{Field: "MEDIA"}:                   "Auezov",
			{OrgID: w.astana.ID}:               "",
			{AgeGroup: youth.Teen}:             "Consented Soon Young",
			{NoConsent: true, Region: "KZ-75"}: "Soon Young",
		} {
			if got := names(w.s, f); got != want {
				t.Errorf("%+v: %q, want %q", f, got, want)
			}
		}
		later, err := youth.New(db, w.log, nil, func() time.Time { return now.AddDate(0, 0, 20) })
		must(t, err)
		if got := names(later, youth.Filter{NoConsent: true}); got != "Young" {
			t.Errorf("twenty days later, consent missing: %q, want Young (Soon is 18)", got)
		}
		if got := names(later, youth.Filter{AgeGroup: youth.Teen}); got != "Consented Soon Young" {
			t.Errorf("twenty days later, 14-17 as registered: %q", got)
		}
		for f, field := range map[youth.Filter]string{{Region: "XX-99"}: "region", {OrgID: 999999}: "org",
			{Status: "idle"}: "status"} {
			_, _, err := w.s.List(ctx, admin, f, store.Page{Limit: 50})
			if got := strings.Join(fieldKeys(err), ";"); !strings.HasPrefix(got, field+" ") {
				t.Errorf("%+v: %s, want an error on %s", f, got, field)
			}
		}
	})
}
