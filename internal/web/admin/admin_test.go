package admin_test

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
	queued := must(f.Svc.Jobs.Enqueue(ctx, f.DB.W, "test.noop", map[string]string{"file": "<districts>.csv"}))
	failed := must(f.Svc.Jobs.Enqueue(ctx, f.DB.W, "test.noop", nil, jobs.MaxAttempts(1)))
	_, err := f.DB.W.ExecContext(ctx, store.Rebind(f.DB.Engine,
		"UPDATE jobs SET status = 'failed', attempts = 1, error = 'disk <full>', finished_at = $1 WHERE id = $2"), clock(), failed)
	check(t, err)
	c := f.Login(t, "admin@example.org")
	list := c.Get("/admin/jobs")
	for _, want := range []string{`href="/admin/jobs/` + itoa(queued) + `"`, "test.noop", "Queued", "Failed", "disk &lt;full&gt;"} {
		if !strings.Contains(list.Body, want) {
			t.Errorf("jobs list lacks %q", want)
		}
	}
	if only := c.Get("/admin/jobs?status=failed"); strings.Contains(only.Body, `href="/admin/jobs/`+itoa(queued)+`"`) {
		t.Error("status filter does not filter")
	}
	page := c.Get("/admin/jobs/" + itoa(queued))
	if !strings.Contains(page.Body, "&lt;districts&gt;.csv") || strings.Contains(page.Body, "/retry") {
		t.Error("queued job page: payload missing, or a retry offered")
	}
	path := "/admin/jobs/" + itoa(failed)
	if page = c.Get(path); !strings.Contains(page.Body, `action="`+path+`/retry"`) {
		t.Fatal("failed job page offers no retry")
	}
	if r := c.Post(path+"/retry", nil); r.Status != http.StatusSeeOther || r.Location != path {
		t.Fatalf("retry: %d %s", r.Status, r.Location)
	}
	if j := must(f.Svc.Jobs.Get(ctx, access.System, failed)); j.Status != jobs.Queued || j.Attempts != 0 {
		t.Fatalf("after retry: %+v", j)
	}
	if r := c.Post(path+"/retry", nil); r.Status != http.StatusConflict {
		t.Fatalf("retry of a queued job: %d", r.Status)
	}
}

func TestSettingsRenameTheInstallation(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "admin@example.org")
	form := url.Values{"name": {"Bilim Jolы"}, "default_locale": {"kk"}, "country": {""}, "calendar": {"solar_hijri"}, "timezone": {"Asia/Oral"}}
	if r := c.Post("/admin/settings", form); r.Status != http.StatusSeeOther {
		t.Fatalf("update: %d %s", r.Status, r.Body)
	}
	page := c.Get("/admin/settings")
	for _, want := range []string{`<a class="brand" href="/">Bilim Jolы</a>`, "<title>Settings · Bilim Jolы</title>", "Saved.",
		`<option value="solar_hijri" selected`, `<option value="" selected dir="auto">Both countries</option>`,
		`<option value="Asia/Oral" selected`} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("settings page lacks %q", want)
		}
	}
	form.Set("name", "")
	form.Set("calendar", "lunar")
	form.Set("timezone", "Asia/Atlantis")
	r := c.Post("/admin/settings", form)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Installation name") ||
		!strings.Contains(r.Body, `id="calendar-error"`) || !strings.Contains(r.Body, `id="timezone-error"`) ||
		!strings.Contains(r.Body, "Name is required.") {
		t.Fatalf("invalid settings: %d", r.Status)
	}
}
