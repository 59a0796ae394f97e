package mentors_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/web/webtest"
)

// A coordinator gives an approved mentor a login from their page: a
// short password refused beside its field, then the login made and
// linked, with which the mentor sees their own profile; a second mentor
// gets an existing mentor's login by email, a non-mentor's refused; a
// mentor still applying is offered no login.
func TestGiveMentorLogin(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	mk := func(name, email string) mentoring.Mentor {
		return webtest.Must(f.Svc.Mentoring.Create(ctx, f.Coord.Principal(), mentoring.Input{Name: name, Email: email,
			Background: mentoring.Coach, Fields: []string{"career"}, Languages: []string{"ru", "kk"}, OrgID: f.Org.ID,
			RegionCode: "KZ-75", Online: true, Capacity: 2}))
	}
	m := mk("Болат Сапаров", "bolat.s@example.org")
	coord := f.Login(t, f.Coord.Email)
	page := "/mentors/" + webtest.Itoa(m.ID)
	wantIn(t, "the mentor's page", coord.Get(page), http.StatusOK, `id="login-form"`, `value="bolat.s@example.org"`)
	wantIn(t, "a short password", coord.Post(page+"/login", url.Values{"email": {"bolat.s@example.org"}, "password": {"short"}}),
		http.StatusUnprocessableEntity, `id="password-error"`)
	if r := coord.Post(page+"/login", url.Values{"email": {"bolat.s@example.org"}, "password": {webtest.Password}}); r.Status != http.StatusSeeOther {
		t.Fatalf("the login: %d %s", r.Status, r.Body)
	}
	wantIn(t, "linked", coord.Get(page), http.StatusOK, `id="login-linked"`)
	u := webtest.Must(f.Svc.Accounts.LookupEmail(ctx, "bolat.s@example.org"))
	if u.Role != access.Mentor || u.Locale != m.Languages[0] || u.OrgID != f.Org.ID {
		t.Errorf("the login made: %+v", u)
	}
	mentor := f.Login(t, "bolat.s@example.org")
	wantIn(t, "the mentor's own profile", mentor.Get("/my/mentoring"), http.StatusOK, "Болат Сапаров")
	wantIn(t, "given twice", coord.Post(page+"/login", url.Values{"email": {"x@example.org"}, "password": {"a long password"}}),
		http.StatusConflict, "already has a login")

	second := mk("Динара Ахметова", "dinara@example.org")
	webtest.Must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "dinara.login@example.org", Name: "Dinara",
		Role: access.Mentor, OrgID: f.Org.ID, Region: "KZ-75", Locale: "kk", Password: "a long password"}))
	page2 := "/mentors/" + webtest.Itoa(second.ID)
	wantIn(t, "a coordinator's login", coord.Post(page2+"/login", url.Values{"existing": {f.Coord.Email}}),
		http.StatusUnprocessableEntity, `id="existing-error"`)
	if r := coord.Post(page2+"/login", url.Values{"existing": {"dinara.login@example.org"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("an existing login: %d %s", r.Status, r.Body)
	}
	if got := webtest.Must(f.Svc.Mentoring.Get(ctx, f.Coord.Principal(), second.ID)); got.UserID == 0 {
		t.Error("the existing login is not linked")
	}

	applied := webtest.Must(f.Svc.Mentoring.Apply(ctx, mentoring.Input{Name: "Asel", Email: "asel@example.org",
		Background: mentoring.Coach, Fields: []string{"career"}, Languages: []string{"kk"}, OrgID: f.Org.ID,
		RegionCode: "KZ-75", Online: true, Capacity: 1}))
	if r := coord.Get("/mentors/" + webtest.Itoa(applied.ID)); r.Status != http.StatusOK || strings.Contains(r.Body, `id="login-form"`) {
		t.Errorf("a login offered to a mentor still applying: %d", r.Status)
	}
	wantIn(t, "a login for one applying", coord.Post("/mentors/"+webtest.Itoa(applied.ID)+"/login",
		url.Values{"email": {"asel@example.org"}, "password": {"a long password"}}), http.StatusConflict, "Only an approved mentor")
}

// Twenty logins given one mentor at once, each with its own address and
// none stopped by the page's check that the mentor has none yet: one
// login is made and linked, and no other user is left behind unlinked.
func TestOneLoginAtOnce(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	p := f.Coord.Principal()
	m := webtest.Must(f.Svc.Mentoring.Create(ctx, p, mentoring.Input{Name: "Ерлан Жақсылықов",
		Email: "erlan@example.org", Background: mentoring.Coach, Fields: []string{"career"}, Languages: []string{"kk"},
		OrgID: f.Org.ID, RegionCode: "KZ-75", Online: true, Capacity: 2}))
	link := func(ctx context.Context, tx *sql.Tx, u accounts.User) error {
		return f.Svc.Mentoring.LinkNewLogin(ctx, tx, p, m.ID, u.ID)
	}
	const n = 20
	var wg sync.WaitGroup
	refused := make([]error, n)
	for i := range n {
		wg.Go(func() {
			_, refused[i] = f.Svc.Accounts.CreateMentorLogin(ctx, p, accounts.NewUser{Email: fmt.Sprintf("erlan%d@example.org", i),
				Name: m.Name, OrgID: f.Org.ID, Region: "KZ-75", Locale: "kk", Password: webtest.Password}, link)
		})
	}
	wg.Wait()
	var made []int64
	for i := range n {
		u, err := f.Svc.Accounts.LookupEmail(ctx, fmt.Sprintf("erlan%d@example.org", i))
		if errors.Is(err, errs.ErrNotFound) {
			if errs.CodeOf(refused[i]) != errs.Conflict {
				t.Errorf("login %d not made, refused with %v", i, refused[i])
			}
			continue
		} else if err != nil {
			t.Fatal(err)
		}
		made = append(made, u.ID)
	}
	got := webtest.Must(f.Svc.Mentoring.Get(ctx, p, m.ID))
	if len(made) != 1 || got.UserID != made[0] {
		t.Fatalf("logins made %v, the mentor's %d", made, got.UserID)
	}
}
