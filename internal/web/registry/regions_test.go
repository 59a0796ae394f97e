package registry_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/web/webtest"
)

// TestRegionPickerOffersTheUsersCountry checks the region suggestions of
// the person form: the country the user works in, in their language,
// whatever the installation's country (the fixture's is Kazakhstan).
func TestRegionPickerOffersTheUsersCountry(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	shiraz := webtest.Must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Shiraz Centre", Type: orgs.SupportCentre, RegionCode: "IR-07"}))
	for _, u := range []accounts.NewUser{
		{Email: "fa-coord@example.org", Name: "Maryam", Role: access.Coordinator, OrgID: shiraz.ID, Region: "IR-07", Locale: "fa"},
		// No region of their own: the organisation's says Iran.
		{Email: "fa-operator@example.org", Name: "Reza", Role: access.Operator, OrgID: shiraz.ID, Locale: "fa"},
	} {
		u.Password = webtest.Password
		webtest.Must(f.Svc.Accounts.Create(ctx, access.System, u))
		page := f.Login(t, u.Email).Get("/people/new")
		for _, want := range []string{`<option value="IR-07">فارس</option>`, `<option value="IR-23">تهران</option>`} {
			if !strings.Contains(page.Body, want) {
				t.Errorf("%s: the region picker lacks %s", u.Email, want)
			}
		}
		if strings.Contains(page.Body, `<option value="KZ-`) {
			t.Errorf("%s: the region picker offers Kazakh regions", u.Email)
		}
	}
	ru := f.User(t, "ru-coord@example.org", access.Coordinator, "ru")
	page := ru.Get("/people/new")
	if !strings.Contains(page.Body, `<option value="KZ-75">Алматы</option>`) || strings.Contains(page.Body, `<option value="IR-`) {
		t.Errorf("a Kazakh coordinator reading Russian is not offered Kazakh regions in Russian")
	}
}
