package web_test

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/web"
)

// Every role's home shows what that role can do, never "Nothing here
// yet", and links only to pages the role may open, as the route table
// says. Roles who may not see children see no count of them.
func TestEveryRoleHasAHomeOfItsOwn(t *testing.T) {
	f := newFixture(t)
	s := must(web.New(f.Svc, web.Options{}))
	// The route table as a mux, to find the action each link needs.
	mux := http.NewServeMux()
	actions := map[string]access.Action{}
	for _, rt := range s.Routes() {
		if rt.Method == "GET" {
			mux.Handle("GET "+rt.Pattern, http.NotFoundHandler())
			actions["GET "+rt.Pattern] = rt.Action
		}
	}
	main := regexp.MustCompile(`(?s)<main[^>]*>(.*)</main>`)
	hrefs := regexp.MustCompile(`href="([^"]+)"`)
	figures := regexp.MustCompile(`href="([^"]+)">[^<]*(?:<span class="link-title">[^<]*</span> )?<span class="figure`)
	for _, role := range access.Roles() {
		t.Run(string(role), func(t *testing.T) {
			c := f.User(t, "home-"+string(role)+"@example.org", role, "en")
			r := c.Get("/")
			m := main.FindStringSubmatch(r.Body)
			if r.Status != http.StatusOK || m == nil {
				t.Fatalf("home: %d", r.Status)
			}
			body := m[1]
			if strings.Contains(body, "Nothing here yet") {
				t.Error("the home says there is nothing here")
			}
			p := access.Principal{Role: role, OrgID: f.Org.ID, OrgPath: "/1/", RegionPath: "/KZ-75/"}
			links := hrefs.FindAllStringSubmatch(body, -1)
			if len(links) == 0 {
				t.Fatal("the home links to nothing")
			}
			for _, l := range links {
				href := strings.ReplaceAll(l[1], "&amp;", "&")
				_, pattern := mux.Handler(httptest.NewRequest("GET", href, nil))
				a, ok := actions[pattern]
				if !ok {
					t.Errorf("link %s opens no page", href)
				} else if a != "" && !access.Allowed(p, a) {
					t.Errorf("link %s needs %s, which a %s may not do", href, a, role)
				}
			}
			if !strings.Contains(body, `href="/tokens"`) {
				t.Error("the home does not offer the user's API tokens")
			}
			coming := strings.Contains(body, `id="coming-title"`)
			if want := role == access.Sponsor; coming != want {
				t.Errorf("note on what is coming shown: %v, want %v", coming, want)
			}
			if role == access.Mentor {
				// A mentor's login not linked to a profile yet: told so, and
				// offered their proposals and profile all the same.
				for _, s := range []string{`id="mentor-unlinked"`, `href="/my-proposals"`, `href="/my/mentoring"`} {
					if !strings.Contains(body, s) {
						t.Errorf("a mentor's home has no %s", s)
					}
				}
			}
			if role == access.Volunteer && !strings.Contains(body, `href="/my/tasks"`) {
				t.Error("a volunteer's home does not offer their tasks")
			}
			if !access.Allowed(p, access.ViewChild) {
				if strings.Contains(body, `href="/people`) {
					t.Error("a role that may not see children is offered the registry")
				}
				// Its only figures count organisations or users, never children.
				for _, m := range figures.FindAllStringSubmatch(body, -1) {
					if m[1] != "/organisations" && m[1] != "/admin/users" {
						t.Errorf("a role that may not see children sees a figure on %s", m[1])
					}
				}
			}
		})
	}
}
