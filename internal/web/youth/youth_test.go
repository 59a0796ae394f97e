package youth_test

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
	"github.com/jolproject/jol/internal/youth"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// anonymous is a visitor reading the site in lang, logged in as nobody.
func anonymous(t *testing.T, f *webtest.Fixture, lang string) *webtest.Client {
	jar, _ := cookiejar.New(nil)
	u, _ := url.Parse(f.Srv.URL)
	jar.SetCookies(u, []*http.Cookie{{Name: "jol_lang", Value: lang}})
	return &webtest.Client{T: t, F: f, HC: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// pool makes two approved mentors of the organisation in field "career"
// and offers them to every shortlist, as if they had finished the school.
func pool(t *testing.T, f *webtest.Fixture) []int64 {
	var ids []int64
	var ms []youth.PoolMentor
	for i, name := range []string{"Asel Nurlanova", "Marat Bekov"} {
		m := webtest.Must(f.Svc.Mentoring.Create(context.Background(), access.System, mentoring.Input{Name: name,
			Email: name[:4] + "@example.org", Background: mentoring.Media, Fields: []string{"career"}, Languages: []string{"kk", "ru"},
			OrgID: f.Org.ID, RegionCode: "KZ-75", Online: true, InPerson: i == 0, Capacity: 2}))
		ids = append(ids, m.ID)
		ms = append(ms, youth.PoolMentor{Card: youth.MentorCard{ID: m.ID, FirstName: strings.Fields(name)[0],
			Background: string(m.Background), Fields: m.Fields, Languages: m.Languages, Formats: m.Formats(), RegionCode: "KZ-75"},
			Match: mentoring.MatchMentor(m, mentoring.Standing{Passed: true})})
	}
	f.Svc.Youth.UsePool(func(context.Context, youth.Youth) ([]youth.PoolMentor, error) { return ms, nil })
	return ids
}

// registration is a 20-year-old's form in Almaty.
func registration() url.Values {
	return url.Values{"last_name": {"Сейтқали"}, "first_name": {"Дана"}, "birth_date": {"2006-05-04"},
		"region": {"KZ-75"}, "settlement": {"urban"}, "status": {"neet"}, "field": {"career"}, "goals": {"Жұмыс табу"},
		"language": {"kk"}, "phone": {"+7 701 234 56 78"}}
}

// TestRegisterInKazakh walks a young person through the public form in
// Kazakh: the errors beside their fields (a 13-year-old refused with the
// range), then the confirmation with the link, the own page with the
// shortlist, a choice saved, and a forged link that finds nothing.
func TestRegisterInKazakh(t *testing.T) {
	f := webtest.New(t)
	ids := pool(t, f)
	v := anonymous(t, f, "kk")
	path := "/y/register/" + webtest.Itoa(f.Org.ID)
	if r := v.Get(path); r.Status != http.StatusOK || !strings.Contains(r.Body, "Тәлімгер табу") {
		t.Fatalf("form: %d %s", r.Status, r.Body)
	}
	bad := registration()
	bad.Set("birth_date", "2013-09-02")
	bad.Del("phone")
	r := v.Post(path, bad)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="birth_date-error"`) ||
		!strings.Contains(r.Body, "14 жастан 29 жасқа дейінгі") || !strings.Contains(r.Body, `id="phone-error"`) {
		t.Fatalf("a 13-year-old without a contact: %d %s", r.Status, r.Body)
	}
	r = v.Post(path, registration())
	link := regexp.MustCompile(`/y/[A-Za-z0-9_-]{43}`).FindString(r.Body)
	if r.Status != http.StatusOK || link == "" || !strings.Contains(r.Body, "18-24") {
		t.Fatalf("registered: %d %s", r.Status, r.Body)
	}
	// The same person sent again learns only that they are registered:
	// no link, no branch, no age group.
	again := v.Post(path, registration())
	if again.Status != http.StatusOK || !strings.Contains(again.Body, `id="already"`) ||
		regexp.MustCompile(`/y/[A-Za-z0-9_-]{43}`).MatchString(again.Body) ||
		strings.Contains(again.Body, "18-24") || strings.Contains(again.Body, `role="status"`) {
		t.Fatalf("registered again: %d %s", again.Status, again.Body)
	}
	own := v.Get(link)
	if own.Status != http.StatusOK || !strings.Contains(own.Body, "Asel") || strings.Contains(own.Body, "Nurlanova") ||
		strings.Contains(own.Body, "@example.org") || !strings.Contains(own.Body, `id="your-match"`) ||
		!strings.Contains(own.Body, "БАҚ") {
		t.Fatalf("own page: %d %s", own.Status, own.Body)
	}
	r = v.Post(link, url.Values{"choice_1": {webtest.Itoa(ids[1])}, "choice_2": {webtest.Itoa(ids[1])}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "бір рет қана") {
		t.Fatalf("the same mentor twice: %d %s", r.Status, r.Body)
	}
	if r = v.Post(link, url.Values{"choice_1": {webtest.Itoa(ids[1])}, "choice_2": {webtest.Itoa(ids[0])}}); r.Status != http.StatusSeeOther {
		t.Fatalf("choose: %d %s", r.Status, r.Body)
	}
	if saved := v.Get(r.Location); saved.Status != http.StatusOK || !strings.Contains(saved.Body, `id="saved"`) ||
		!strings.Contains(saved.Body, "Таңдауыңыз сақталды") {
		t.Fatalf("saved: %d %s", saved.Status, saved.Body)
	}
	if r = v.Get("/y/" + strings.Repeat("x", 43)); r.Status != http.StatusNotFound || strings.Contains(r.Body, "Дана") {
		t.Fatalf("forged link: %d", r.Status)
	}

	coord := f.Login(t, "coord@example.org")
	list := coord.Get("/youth?age_group=18-24")
	if list.Status != http.StatusOK || !strings.Contains(list.Body, "Сейтқали") || strings.Contains(list.Body, "field.") {
		t.Fatalf("list: %d %s", list.Status, list.Body)
	}
	if r := coord.Get("/youth?region=XX-99"); r.Status != http.StatusOK || !strings.Contains(r.Body, `id="region-error"`) {
		t.Fatalf("unknown region filter: %d", r.Status)
	}
	id := regexp.MustCompile(`/youth/(\d+)`).FindStringSubmatch(list.Body)[1]
	page := coord.Get("/youth/" + id)
	if page.Status != http.StatusOK || !strings.Contains(page.Body, "#"+webtest.Itoa(ids[1])+", #"+webtest.Itoa(ids[0])) {
		t.Fatalf("person: %d %s", page.Status, page.Body)
	}
	r = coord.Post("/youth/"+id+"/link", nil)
	fresh := regexp.MustCompile(`/y/[A-Za-z0-9_-]{43}`).FindString(r.Body)
	if r.Status != http.StatusOK || fresh == "" || fresh == link {
		t.Fatalf("re-issue: %d", r.Status)
	}
	if r := v.Get(link); r.Status != http.StatusNotFound {
		t.Fatalf("the old link after a re-issue: %d", r.Status)
	}
	var n int
	webtest.Check(t, f.DB.R.QueryRow("SELECT COUNT(*) FROM access_log WHERE subject_kind = 'youth'").Scan(&n))
	if n < 2 {
		t.Fatalf("access log: %d views", n)
	}
}
