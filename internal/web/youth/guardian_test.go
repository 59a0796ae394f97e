package youth_test

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/web/webtest"
)

var (
	guardianLink = regexp.MustCompile(`/y/guardian/[A-Za-z0-9_-]{43}`)
	ownLink      = regexp.MustCompile(`/y/[A-Za-z0-9_-]{43}`)
)

// minorForm is a 16-year-old's form in Almaty, in Persian, naming their
// mother.
func minorForm(first string) url.Values {
	v := registration()
	v.Set("first_name", first)
	v.Set("birth_date", "2010-05-04")
	v.Set("language", "fa")
	v.Set("guardian_name", "Aliya Seitkali")
	v.Set("guardian_relation", "mother")
	v.Set("guardian_contact", "+7 701 000 11 22")
	return v
}

// stranger is a visitor with no language chosen, as a guardian opening a
// link sent to them.
func stranger(t *testing.T, f *webtest.Fixture) *webtest.Client {
	jar, _ := cookiejar.New(nil)
	return &webtest.Client{T: t, F: f, HC: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// TestGuardianConsentsByLink: a minor registered on the web gets a link
// for their guardian; it opens in their language (Persian, right to
// left) showing their first name and age group only, switches language,
// takes the consent once, and the coordinator sees it.
func TestGuardianConsentsByLink(t *testing.T) {
	f := webtest.New(t)
	young := anonymous(t, f, "fa")
	r := young.Post("/y/register/"+webtest.Itoa(f.Org.ID), minorForm("Dana"))
	link := guardianLink.FindString(r.Body)
	if r.Status != http.StatusOK || link == "" || !strings.Contains(r.Body, `id="new-guardian-link"`) {
		t.Fatalf("registered: %d %s", r.Status, r.Body)
	}
	g := stranger(t, f)
	page := g.Get(link)
	if page.Status != http.StatusOK || !strings.Contains(page.Body, `dir="rtl"`) || !strings.Contains(page.Body, `lang="fa"`) ||
		!strings.Contains(page.Body, "Dana") || !strings.Contains(page.Body, "۱۴-۱۷") || !strings.Contains(page.Body, "رضایت برای مربی\u200cگری") {
		t.Fatalf("guardian page: %d %s", page.Status, page.Body)
	}
	for _, secret := range []string{"Сейтқали", "Seitkali", "234 56 78", "000 11 22", "2010", "Жұмыс"} {
		if strings.Contains(page.Body, secret) {
			t.Errorf("the guardian page shows %q", secret)
		}
	}
	if en := g.Get(link + "?lang=en"); !strings.Contains(en.Body, "Consent to mentoring") || !strings.Contains(en.Body, `dir="ltr"`) {
		t.Fatalf("in English: %d %s", en.Status, en.Body)
	}
	for _, wrong := range []string{"/y/guardian/" + strings.Repeat("A", 43), "/y/guardian/short", link[:len(link)-1] + "x"} {
		if r := g.Get(wrong); r.Status != http.StatusNotFound || strings.Contains(r.Body, "Dana") || strings.Contains(r.Body, "guardian-page") {
			t.Errorf("%s: %d", wrong, r.Status)
		}
	}
	r = g.Post(link, url.Values{"answer": {"consent"}, "lang": {"en"}})
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `id="answered"`) || !strings.Contains(r.Body, "Your consent is recorded") {
		t.Fatalf("consent: %d %s", r.Status, r.Body)
	}
	for _, again := range []webtest.Response{g.Post(link, url.Values{"answer": {"decline"}}), g.Get(link)} {
		if again.Status != http.StatusGone || !strings.Contains(again.Body, `id="closed"`) {
			t.Fatalf("the link again: %d %s", again.Status, again.Body)
		}
	}

	coord := f.Login(t, "coord@example.org")
	id := regexp.MustCompile(`/youth/(\d+)`).FindStringSubmatch(coord.Get("/youth").Body)[1]
	p := coord.Get("/youth/" + id)
	if !strings.Contains(p.Body, `data-status="consented"`) || !strings.Contains(p.Body, "guardian (link)") || strings.Contains(p.Body, `id="missing"`) {
		t.Fatalf("the coordinator's page: %s", p.Body)
	}
	if r := coord.Post("/youth/"+id+"/guardian-link", nil); r.Status != http.StatusConflict {
		t.Errorf("a link after the consent: %d", r.Status)
	}
}

// TestGuardianDeclinesByLink: the young person asks for a new link on
// their own page; the guardian declines; the coordinator sees the
// refusal and alone may issue a new link, which an outside coordinator
// may not.
func TestGuardianDeclinesByLink(t *testing.T) {
	f := webtest.New(t)
	young := anonymous(t, f, "en")
	r := young.Post("/y/register/"+webtest.Itoa(f.Org.ID), minorForm("Erlan"))
	own, first := ownLink.FindString(strings.ReplaceAll(r.Body, "/y/guardian/", "")), guardianLink.FindString(r.Body)
	if own == "" || first == "" {
		t.Fatalf("registered: %d %s", r.Status, r.Body)
	}
	page := young.Get(own)
	if !strings.Contains(page.Body, `data-status="pending"`) || !strings.Contains(page.Body, `id="guardian-link-issue"`) {
		t.Fatalf("own page: %s", page.Body)
	}
	r = young.Post(own+"/guardian/link", nil)
	link := guardianLink.FindString(r.Body)
	if r.Status != http.StatusOK || link == "" || link == first {
		t.Fatalf("a new link on the own page: %d %s", r.Status, r.Body)
	}
	g := stranger(t, f)
	if r := g.Get(first); r.Status != http.StatusNotFound {
		t.Errorf("the replaced link: %d", r.Status)
	}
	if r := g.Post(link, url.Values{"answer": {"decline"}, "lang": {"ru"}}); r.Status != http.StatusOK || !strings.Contains(r.Body, "наставник подобран не будет") {
		t.Fatalf("decline: %d %s", r.Status, r.Body)
	}
	page = young.Get(own)
	if !strings.Contains(page.Body, `data-status="declined"`) || strings.Contains(page.Body, `id="guardian-link-issue"`) {
		t.Fatalf("own page after a refusal: %s", page.Body)
	}
	if r := young.Post(own+"/guardian/link", nil); r.Status != http.StatusConflict {
		t.Errorf("the young person asks again after a refusal: %d", r.Status)
	}

	coord := f.Login(t, "coord@example.org")
	id := regexp.MustCompile(`/youth/(\d+)`).FindStringSubmatch(coord.Get("/youth").Body)[1]
	if p := coord.Get("/youth/" + id); !strings.Contains(p.Body, `data-status="declined"`) || !strings.Contains(p.Body, `id="missing"`) {
		t.Fatalf("the coordinator's page: %s", p.Body)
	}

	ctx := context.Background()
	other := webtest.Must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Astana Foundation", Type: orgs.Foundation, RegionCode: "KZ-71"}))
	webtest.Must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "outside@example.org", Name: "Outside",
		Role: access.Coordinator, OrgID: other.ID, Region: "KZ-71", Locale: "en", Password: webtest.Password}))
	outside := f.Login(t, "outside@example.org")
	if r := outside.Post("/youth/"+id+"/guardian-link", nil); r.Status != http.StatusForbidden && r.Status != http.StatusNotFound {
		t.Errorf("an outside coordinator issues a link: %d", r.Status)
	}
	r = coord.Post("/youth/"+id+"/guardian-link", nil)
	if again := guardianLink.FindString(r.Body); r.Status != http.StatusOK || again == "" || g.Get(again).Status != http.StatusOK {
		t.Fatalf("the coordinator's new link: %d %s", r.Status, r.Body)
	}
	adult := young.Post("/y/register/"+webtest.Itoa(f.Org.ID), registration())
	if guardianLink.MatchString(adult.Body) {
		t.Error("an adult's registration shows a guardian link")
	}
}

// TestGuardianLinkOnceOverHTTP: a hundred answers posted at once through
// one link record one consent; the rest are told the link was used, or
// are throttled.
func TestGuardianLinkOnceOverHTTP(t *testing.T) {
	f := webtest.New(t)
	r := anonymous(t, f, "en").Post("/y/register/"+webtest.Itoa(f.Org.ID), minorForm("Dana"))
	link := guardianLink.FindString(r.Body)
	if link == "" {
		t.Fatalf("registered: %d %s", r.Status, r.Body)
	}
	const n = 100
	if f.DB.Engine == store.Postgres {
		// Every connection of the pool opened beforehand, so the answers
		// race each other rather than the opening of connections.
		pool := f.DB.PgxPool()
		var conns []*pgxpool.Conn
		for range pool.Config().MaxConns {
			conns = append(conns, webtest.Must(pool.Acquire(context.Background())))
		}
		for _, c := range conns {
			c.Release()
		}
	}
	codes := make([]int, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			res, err := http.PostForm(f.Srv.URL+link, url.Values{"answer": {"consent"}})
			if err != nil {
				t.Error(err)
				return
			}
			res.Body.Close()
			codes[i] = res.StatusCode
		})
	}
	close(start)
	wg.Wait()
	count := map[int]int{}
	for _, c := range codes {
		count[c]++
	}
	if count[http.StatusOK] != 1 || count[http.StatusGone] == 0 || count[http.StatusOK]+count[http.StatusGone]+count[http.StatusTooManyRequests] != n {
		t.Fatalf("answers: %v", count)
	}
	var c int
	webtest.Check(t, f.DB.R.QueryRow("SELECT COUNT(*) FROM audit_log WHERE entity = 'youth' AND action = 'give_consent'").Scan(&c))
	if c != 1 {
		t.Fatalf("%d consents", c)
	}
}
