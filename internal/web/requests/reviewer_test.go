package requests_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/web/webtest"
)

// A coordinator gives a request to a colleague from the list of those who
// may decide it, replaces them, takes them off and takes it themselves; a
// user outside the request's organisation, or in a role that does not
// decide, is refused beside the list with the reason; each reviewer
// finds their requests with "My requests to review".
func TestRequestReviewerPicker(t *testing.T) {
	f := webtest.New(t)
	ctx := t.Context()
	c := requeststest.Open(t, f.DB, webtest.Clock(), "road", f.Org.ID, f.Org.Path, "KZ-75")
	child := f.Child(t, "Ахметова", "Мадина", webtest.Day(2017, 3, 10), "")
	x := webtest.Must(f.Svc.Requests.Submit(ctx, access.System, requests.Input{CampaignID: c.ID, PersonID: child.ID,
		ApplicantKind: requests.ByParent, Channel: requests.Hotline, Lines: []requests.LineInput{{ItemID: c.Kit}}}))
	page := "/requests/" + itoa(x.ID)
	coord := f.Login(t, f.Coord.Email)
	op := f.User(t, "op@example.org", access.Operator, "ru")
	f.User(t, "teacher@example.org", access.SchoolStaff, "en")
	other := webtest.Must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Other fund", Type: orgs.Foundation, RegionCode: "KZ-75"}))
	outsider := webtest.Must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "out@example.org",
		Name: "Outsider", Role: access.Operator, OrgID: other.ID, Region: "KZ-75", Password: webtest.Password}))
	ids := map[string]int64{}
	for _, email := range []string{"op@example.org", "teacher@example.org"} {
		ids[email] = webtest.Must(f.Svc.Accounts.LookupEmail(ctx, email)).ID
	}

	r := coord.Get(page)
	for _, want := range []string{`<select id="reviewer" name="reviewer"`, `value="` + itoa(ids["op@example.org"]) + `"`,
		"op@example.org — Operator, Almaty Foundation", "Aigerim Admin — Administrator", `value="self"`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("the request page lacks %q", want)
		}
	}
	for _, not := range []string{"Outsider", "teacher@example.org", `value="off"`} {
		if strings.Contains(r.Body, not) {
			t.Errorf("the picker offers %q", not)
		}
	}
	post := func(cl *webtest.Client, form url.Values) webtest.Response {
		t.Helper()
		form.Set("version", itoa(int64(webtest.Must(f.Svc.Requests.Get(ctx, access.System, x.ID, "web")).Version)))
		return cl.Post(page+"/reviewer", form)
	}
	for _, tc := range []struct {
		reviewer, want string
	}{
		{itoa(outsider.ID), "Outsider works outside this request's organisation or region and cannot review it."},
		{itoa(ids["teacher@example.org"]), "teacher@example.org cannot review requests: their role does not decide them."},
		{"99999", "There is no active user of that name to review the request."},
		{"", "Choose the colleague who is to review the request."},
	} {
		r := post(coord, url.Values{"reviewer": {tc.reviewer}, "action": {"assign"}})
		if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="reviewer-error">`+html.EscapeString(tc.want)) {
			t.Errorf("reviewer %q: %d, want the reason %q", tc.reviewer, r.Status, tc.want)
		}
	}
	if r := post(coord, url.Values{"reviewer": {itoa(ids["op@example.org"])}, "action": {"assign"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("assign the operator: %d %s", r.Status, r.Body)
	}
	r = coord.Get(page)
	if !strings.Contains(r.Body, `<dd id="reviewer-name"><bdi>op@example.org</bdi></dd>`) || !strings.Contains(r.Body, `value="off"`) {
		t.Error("the page does not show the operator as the reviewer")
	}
	mine := "/requests?campaign=" + itoa(c.ID) + "&mine=1"
	if r := op.Get(mine); !strings.Contains(r.Body, `href="`+page+`"`) || !strings.Contains(r.Body, "Мои заявки на проверке") {
		t.Error("the operator's own list lacks the request")
	}
	if r := coord.Get(mine); strings.Contains(r.Body, `href="`+page+`"`) {
		t.Error("the coordinator's own list shows the operator's request")
	}
	if r := post(coord, url.Values{"action": {"self"}, "reviewer": {""}}); r.Status != http.StatusSeeOther {
		t.Fatalf("take it myself: %d", r.Status)
	}
	if r := coord.Get(mine); !strings.Contains(r.Body, `href="`+page+`"`) {
		t.Error("the coordinator's own list lacks the request they took")
	}
	if r := post(coord, url.Values{"action": {"off"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("take the reviewer off: %d", r.Status)
	}
	if got := webtest.Must(f.Svc.Requests.Get(ctx, access.System, x.ID, "web")); got.ReviewerID != 0 {
		t.Fatalf("the reviewer stays: %d", got.ReviewerID)
	}
	// The form of before, naming nobody, makes the user the reviewer.
	if r := post(op, url.Values{}); r.Status != http.StatusSeeOther {
		t.Fatalf("review it myself: %d", r.Status)
	}
	if got := webtest.Must(f.Svc.Requests.Get(ctx, access.System, x.ID, "web")); got.ReviewerID != ids["op@example.org"] {
		t.Fatalf("reviewer %d, want the operator", got.ReviewerID)
	}
	// A page older than the request is told so.
	r = coord.Post(page+"/reviewer", url.Values{"version": {"1"}, "action": {"off"}})
	if r.Status != http.StatusConflict || !strings.Contains(r.Body, "Someone else changed this request first") {
		t.Errorf("a stale page: %d", r.Status)
	}
	// Outside the request's scope it is not there; a role that does not
	// decide may not.
	out := f.Login(t, "out@example.org")
	if r := out.Post(page+"/reviewer", url.Values{"version": {"1"}, "action": {"self"}}); r.Status != http.StatusNotFound {
		t.Errorf("an operator of another organisation: %d", r.Status)
	}
	if r := out.Get(page); r.Status != http.StatusNotFound {
		t.Errorf("an operator of another organisation opens the request: %d", r.Status)
	}
	teacher := f.Login(t, "teacher@example.org")
	if r := teacher.Post(page+"/reviewer", url.Values{"version": {"1"}, "action": {"self"}}); r.Status != http.StatusForbidden {
		t.Errorf("school staff: %d", r.Status)
	}
	if r := teacher.Get(page); strings.Contains(r.Body, `id="assign-reviewer"`) || r.Status != http.StatusOK {
		t.Errorf("school staff see the picker: %d", r.Status)
	}
	if r := teacher.Get(mine); strings.Contains(r.Body, `name="mine"`) {
		t.Error("school staff are offered their requests to review")
	}
}
