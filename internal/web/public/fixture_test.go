package public_test

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// fixture is the web surface with the organisation's campaign "road"
// open in Almaty, named in Kazakh, Russian and Persian.
type fixture struct {
	*webtest.Fixture
	c requeststest.Campaign
}

func setup(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{Fixture: webtest.New(t)}
	f.c = requeststest.Open(t, f.DB, webtest.Clock(), "road", f.Org.ID, f.Org.Path, "KZ-75")
	_, err := f.DB.W.Exec(store.Rebind(f.DB.Engine, `INSERT INTO campaign_texts (campaign_id, locale, name)
		VALUES ($1, 'kk', 'Мектепке жол'), ($1, 'ru', 'Дорога в школу'), ($1, 'fa', 'راه مدرسه'), ($1, 'en', 'Road to School')`), f.c.ID)
	webtest.Check(t, err)
	return f
}

// ages gives the campaign rules for children aged lo to hi.
func (f *fixture) ages(t *testing.T, lo, hi int) {
	t.Helper()
	coord := webtest.Must(f.Svc.Accounts.Lookup(t.Context(), f.Coord.ID)).Principal()
	webtest.Must(f.Svc.Eligibility.SaveRuleSet(t.Context(), coord, f.c.ID,
		eligibility.Rules{All: eligibility.Criteria{Age: &eligibility.Range{Min: lo, Max: hi}}}, eligibility.Weights{}))
}

// anonymous is a visitor reading the site in lang, logged in as nobody.
func (f *fixture) anonymous(t *testing.T, lang string) *webtest.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	u, _ := url.Parse(f.Srv.URL)
	jar.SetCookies(u, []*http.Cookie{{Name: "jol_lang", Value: lang}})
	return &webtest.Client{T: t, F: f.Fixture, HC: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// form is a mother's application for her daughter born 4 March 2017: a
// kit and a uniform of 128 cm.
func (f *fixture) form(t *testing.T) url.Values {
	iin := webtest.Must(natid.MakeIIN(webtest.Day(2017, 3, 4), natid.Female, 7))
	return url.Values{"last_name": {"Сәрсенова"}, "first_name": {"Айгерім"}, "birth_date": {"2017-03-04"},
		"sex": {"F"}, "national_id": {iin}, "guardian_last_name": {"Сәрсенова"}, "guardian_first_name": {"Динара"},
		"guardian_phone": {"+7 701 555 12 34"}, "relation": {"mother"}, "region": {"KZ-75"},
		"item": {webtest.Itoa(f.c.Kit), webtest.Itoa(f.c.Uniform)}, "size_" + webtest.Itoa(f.c.Uniform): {"128"},
		"consent": {"on"}}
}

// reference reads the reference number off the confirmation page.
func reference(t *testing.T, body string) string {
	t.Helper()
	_, rest, ok := strings.Cut(body, `id="reference">`)
	if !ok {
		t.Fatalf("no reference on the page:\n%s", body)
	}
	ref, _, _ := strings.Cut(rest, "<")
	return ref
}
