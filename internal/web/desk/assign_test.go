package desk_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/web/webtest"
)

// An appeal is given to a colleague chosen from those who may answer it,
// given to another, then to nobody; someone who may not answer it is
// refused beside the list in the user's language; the colleague finds it
// under "Mine only"; the list is offered only on an open appeal, and only
// to those who may record appeals there.
func TestAppealAssigneePicker(t *testing.T) {
	f := webtest.New(t)
	ctx := t.Context()
	ru := f.User(t, "op-ru@example.org", access.Operator, "ru")
	outreach := f.User(t, "outreach@example.org", access.Outreach, "en")
	f.User(t, "teacher@example.org", access.SchoolStaff, "en")
	auditor := f.User(t, "auditor@example.org", access.Auditor, "en")
	other := webtest.Must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Other fund", Type: orgs.Foundation, RegionCode: "KZ-75"}))
	outsider := webtest.Must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "out@example.org",
		Name: "Outsider", Role: access.Operator, OrgID: other.ID, Region: "KZ-75", Password: webtest.Password}))
	id := func(email string) string {
		return webtest.Itoa(webtest.Must(f.Svc.Accounts.LookupEmail(ctx, email)).ID)
	}
	a := webtest.Must(f.Svc.Appeals.Create(ctx, f.Coord.Principal(), appeals.Input{Kind: appeals.Question,
		Channel: appeals.Hotline, CallerName: "Соседка", Subject: "Когда выдают рюкзаки?", RegionCode: "KZ-75"}))
	page := "/desk/" + webtest.Itoa(a.ID)

	r := ru.Get(page)
	for _, want := range []string{`<select id="assignee" name="assignee"`, "outreach@example.org — Аутрич-работник",
		`value="` + id("op-ru@example.org") + `"`, "Передать коллеге"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("the appeal page lacks %q", want)
		}
	}
	for _, not := range []string{"Outsider", "teacher@example.org", "auditor@example.org"} {
		if strings.Contains(r.Body, not) {
			t.Errorf("the list offers %s", not)
		}
	}
	for reviewer, want := range map[string]string{
		webtest.Itoa(outsider.ID): "Outsider работает вне организации или региона этого обращения и не может на него отвечать.",
		id("teacher@example.org"): "teacher@example.org не может отвечать на обращения: эта роль на них не отвечает.",
		"99999":                   "Нет такого действующего пользователя, который мог бы ответить на обращение.",
		"":                        "Выберите коллегу, который ответит на обращение."} {
		r := ru.Post(page+"/assignee", url.Values{"assignee": {reviewer}, "action": {"assign"}})
		if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="assignee-error">`+want) {
			t.Errorf("assignee %q: %d, want %q", reviewer, r.Status, want)
		}
	}
	if r := ru.Post(page+"/assignee", url.Values{"assignee": {id("outreach@example.org")}, "action": {"assign"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("give it to the outreach worker: %d %s", r.Status, r.Body)
	}
	if r := outreach.Get("/desk?mine=1"); !strings.Contains(r.Body, `href="`+page+`"`) {
		t.Error("the outreach worker's own queue lacks the appeal")
	}
	if r := ru.Get("/desk?mine=1"); strings.Contains(r.Body, `href="`+page+`"`) {
		t.Error("the operator's own queue shows the outreach worker's appeal")
	}
	if r := ru.Get(page); !strings.Contains(r.Body, "<bdi>outreach@example.org</bdi>") || !strings.Contains(r.Body, `value="off"`) {
		t.Error("the page does not name who answers it")
	}
	if r := ru.Post(page+"/assignee", url.Values{"action": {"off"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("give it to nobody: %d", r.Status)
	}
	if got := webtest.Must(f.Svc.Appeals.Get(ctx, access.System, a.ID, "web")); got.AssigneeID != 0 {
		t.Fatalf("assignee %d, want nobody", got.AssigneeID)
	}
	// Outside the appeal's scope it is not there; auditors read only.
	if r := f.Login(t, "out@example.org").Post(page+"/assignee", url.Values{"action": {"off"}}); r.Status != http.StatusNotFound {
		t.Errorf("an operator of another organisation: %d", r.Status)
	}
	if r := auditor.Post(page+"/assignee", url.Values{"action": {"off"}}); r.Status != http.StatusForbidden {
		t.Errorf("an auditor: %d", r.Status)
	}
	if r := auditor.Get(page); r.Status != http.StatusOK || strings.Contains(r.Body, `id="assign-appeal"`) {
		t.Errorf("the auditor is offered the list: %d", r.Status)
	}
	webtest.Must(f.Svc.Appeals.Answer(ctx, f.Coord.Principal(), a.ID, appeals.AnswerInput{Outcome: appeals.Informed,
		Answer: "В августе", Close: true}))
	if r := ru.Get(page); strings.Contains(r.Body, `id="assign-appeal"`) {
		t.Error("a closed appeal offers the list")
	}
}
