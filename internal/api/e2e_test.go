package api

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// TestEndToEnd walks the API the way an installation's first client would,
// on both engines: organisations, a user and their token, jobs and both logs.
func TestEndToEnd(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		admin, coord := f.token[access.Admin], f.token[access.Coordinator]

		w := f.do(t, "POST", "/api/v1/organisations", coord, map[string]any{
			"name": "School №1 <b>", "type": "school", "parent_id": f.org.ID, "region_code": "kz-75"})
		school := decodeAs[orgs.Organisation](t, w)
		if w.Code != 201 || school.Path != fmt.Sprintf("%s%d/", f.org.Path, school.ID) || school.Name != "School №1 <b>" {
			t.Fatalf("create organisation: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "POST", "/api/v1/organisations", coord, map[string]any{"name": "X", "type": "castle", "region_code": "KZ-75"})
		if p := decodeAs[problem](t, w); w.Code != 422 || p.Errors[0].Field != "type" {
			t.Fatalf("invalid organisation: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "PATCH", fmt.Sprintf("/api/v1/organisations/%d", school.ID), coord, map[string]any{"name": "School №1"})
		if o := decodeAs[orgs.Organisation](t, w); w.Code != 200 || o.Name != "School №1" || o.Type != orgs.School || o.ParentID != f.org.ID {
			t.Fatalf("patch organisation: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "GET", "/api/v1/organisations?type=school", coord, nil)
		// The new school, then the world's, newest first.
		if l := decodeAs[list[orgs.Organisation]](t, w); w.Code != 200 || len(l.Items) != 2 || l.Items[0].ID != school.ID ||
			l.Items[1].ID != f.w.School.ID {
			t.Fatalf("list organisations: %d %s", w.Code, w.Body)
		}
		if w = f.do(t, "GET", "/api/v1/organisations", f.token[access.Sponsor], nil); w.Code != 403 {
			t.Fatalf("sponsor lists organisations: %d", w.Code)
		}

		w = f.do(t, "POST", "/api/v1/users", admin, map[string]any{
			"email": "teacher@example.org", "name": "Teacher", "role": "school_staff", "org_id": school.ID})
		teacher := decodeAs[accounts.User](t, w)
		w = f.do(t, "POST", "/api/v1/tokens", admin, map[string]any{"name": "teacher's phone", "user_id": teacher.ID})
		secret := decodeAs[newToken](t, w).Secret
		if m := decodeAs[me](t, f.do(t, "GET", "/api/v1/me", secret, nil)); m.ID != teacher.ID || m.OrgName != "School №1" {
			t.Fatalf("teacher's me: %+v", m)
		}

		f.svc.Jobs.Register("noop", func(context.Context, *jobs.Job, jobs.Progress) (string, error) { return "", nil })
		id := must(f.svc.Jobs.Enqueue(t.Context(), db.W, "noop", map[string]int{"n": 1}))
		must(db.W.ExecContext(t.Context(), "UPDATE jobs SET status = 'failed' WHERE id = $1", id))
		w = f.do(t, "GET", "/api/v1/jobs?status=failed&kind=noop", admin, nil)
		if l := decodeAs[list[jobs.Job]](t, w); len(l.Items) != 1 || string(l.Items[0].Payload) != `{"n":1}` {
			t.Fatalf("list jobs: %s", w.Body)
		}
		w = f.do(t, "POST", fmt.Sprintf("/api/v1/jobs/%d/retry", id), admin, nil)
		if j := decodeAs[jobs.Job](t, w); w.Code != 200 || j.Status != jobs.Queued {
			t.Fatalf("retry: %d %s", w.Code, w.Body)
		}
		if w = f.do(t, "POST", fmt.Sprintf("/api/v1/jobs/%d/retry", id), admin, nil); w.Code != 409 {
			t.Fatalf("retry a queued job: %d %s", w.Code, w.Body)
		}
		if w = f.do(t, "GET", "/api/v1/jobs/999", admin, nil); w.Code != 404 {
			t.Fatalf("missing job: %d", w.Code)
		}

		w = f.do(t, "GET", fmt.Sprintf("/api/v1/audit?entity=organisation&entity_id=%d", school.ID), admin, nil)
		var changes list[struct {
			Action string
			After  map[string]any
		}]
		check(t, json.Unmarshal(w.Body.Bytes(), &changes))
		if len(changes.Items) != 2 || changes.Items[0].Action != "update" || changes.Items[0].After["name"] != "School №1" {
			t.Fatalf("audit: %s", w.Body)
		}
		w = f.do(t, "GET", "/api/v1/access-log", admin, nil)
		if w.Code != 200 || w.Body.String() != "{\"items\":[]}\n" {
			t.Fatalf("empty access log: %d %s", w.Code, w.Body)
		}
		check(t, f.svc.Audit.Viewed(t.Context(), teacher.Principal(), "person", "42", school.Path, "api"))
		w = f.do(t, "GET", fmt.Sprintf("/api/v1/access-log?subject_kind=person&user_id=%d", teacher.ID), admin, nil)
		if l := decodeAs[list[map[string]any]](t, w); len(l.Items) != 1 || l.Items[0]["subject_id"] != "42" {
			t.Fatalf("access log: %s", w.Body)
		}
	})
}
