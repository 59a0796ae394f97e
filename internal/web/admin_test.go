package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/store"
)

func TestJobsListAndRetry(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	queued := must(f.svc.Jobs.Enqueue(ctx, f.db.W, "test.noop", map[string]string{"file": "<districts>.csv"}))
	failed := must(f.svc.Jobs.Enqueue(ctx, f.db.W, "test.noop", nil, jobs.MaxAttempts(1)))
	_, err := f.db.W.ExecContext(ctx, store.Rebind(f.db.Engine,
		"UPDATE jobs SET status = 'failed', attempts = 1, error = 'disk <full>', finished_at = $1 WHERE id = $2"), clock(), failed)
	check(t, err)
	c := f.login(t, "admin@example.org")
	list := c.get("/admin/jobs")
	for _, want := range []string{`href="/admin/jobs/` + itoa(queued) + `"`, "test.noop", "Queued", "Failed", "disk &lt;full&gt;"} {
		if !strings.Contains(list.body, want) {
			t.Errorf("jobs list lacks %q", want)
		}
	}
	if only := c.get("/admin/jobs?status=failed"); strings.Contains(only.body, `href="/admin/jobs/`+itoa(queued)+`"`) {
		t.Error("status filter does not filter")
	}
	page := c.get("/admin/jobs/" + itoa(queued))
	if !strings.Contains(page.body, "&lt;districts&gt;.csv") || strings.Contains(page.body, "/retry") {
		t.Error("queued job page: payload missing, or a retry offered")
	}
	path := "/admin/jobs/" + itoa(failed)
	if page = c.get(path); !strings.Contains(page.body, `action="`+path+`/retry"`) {
		t.Fatal("failed job page offers no retry")
	}
	if r := c.post(path+"/retry", nil); r.status != http.StatusSeeOther || r.location != path {
		t.Fatalf("retry: %d %s", r.status, r.location)
	}
	if j := must(f.svc.Jobs.Get(ctx, access.System, failed)); j.Status != jobs.Queued || j.Attempts != 0 {
		t.Fatalf("after retry: %+v", j)
	}
	if r := c.post(path+"/retry", nil); r.status != http.StatusConflict {
		t.Fatalf("retry of a queued job: %d", r.status)
	}
}

func TestSettingsRenameTheInstallation(t *testing.T) {
	f := newFixture(t)
	c := f.login(t, "admin@example.org")
	form := url.Values{"name": {"Bilim Jolы"}, "default_locale": {"kk"}, "country": {""}, "calendar": {"solar_hijri"}, "timezone": {"Asia/Oral"}}
	if r := c.post("/admin/settings", form); r.status != http.StatusSeeOther {
		t.Fatalf("update: %d %s", r.status, r.body)
	}
	page := c.get("/admin/settings")
	for _, want := range []string{`<a class="brand" href="/">Bilim Jolы</a>`, "<title>Settings · Bilim Jolы</title>", "Saved.",
		`<option value="solar_hijri" selected`, `<option value="" selected dir="auto">Both countries</option>`,
		`<option value="Asia/Oral" selected`} {
		if !strings.Contains(page.body, want) {
			t.Errorf("settings page lacks %q", want)
		}
	}
	form.Set("name", "")
	form.Set("calendar", "lunar")
	form.Set("timezone", "Asia/Atlantis")
	r := c.post("/admin/settings", form)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Installation name") ||
		!strings.Contains(r.body, `id="calendar-error"`) || !strings.Contains(r.body, `id="timezone-error"`) ||
		!strings.Contains(r.body, "Name is required.") {
		t.Fatalf("invalid settings: %d", r.status)
	}
}
