package main

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/youth"
)

// youthRecord registers a minor with the demo coordinator's organisation
// through the public form's principal and returns the organisation, the
// young person and the token of their secret link.
func youthRecord(t *testing.T, s *testServer) (orgID, id int64, token string) {
	t.Helper()
	ctx := context.Background()
	orgID = mustUser(t, s, "coordinator").orgID
	org, err := s.app.Orgs.Get(ctx, access.System, orgID)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := s.app.Youth.Register(ctx, youth.FormPrincipal(org.ID, org.Path), org.ID, youth.Input{LastName: "Authz",
		FirstName: "Dana", Birth: time.Now().AddDate(-16, 0, 0), RegionCode: "KZ-75", Settlement: youth.Urban,
		Status: youth.NEET, Field: "career", Language: "kk", Channel: youth.Web,
		Contact:  youth.Contact{Phone: "+7 701 555 44 33"},
		Guardian: youth.GuardianDetails{Name: "Aliya Authz", Relation: "mother", Contact: "+7 701 000 11 22"}})
	if err != nil {
		t.Fatal(err)
	}
	return orgID, reg.ID, reg.Link
}

// TestAuthzYouthOutsideScope: a coordinator of another organisation is
// refused every young person's route about a record of the Foundation's,
// on both surfaces, and no view of theirs is written to the access log;
// the Foundation's own coordinator opens the same record.
func TestAuthzYouthOutsideScope(t *testing.T) {
	s := startServer(t)
	_, id, _ := youthRecord(t, s)
	coord, stranger := s.caller(t, "coordinator"), s.caller(t, "coordinator.ir")
	for _, key := range []string{"GET /youth/{id}", "POST /youth/{id}/consent", "POST /youth/{id}/link",
		"GET /api/v1/youth/{id}", "PUT /api/v1/youth/{id}/consent", "POST /api/v1/youth/{id}/link",
		"POST /youth/{id}/guardian-link", "GET /api/v1/youth/{id}/guardian-link", "POST /api/v1/youth/{id}/guardian-link"} {
		method, pattern, _ := strings.Cut(key, " ")
		path := strings.Replace(pattern, "{id}", strconv.FormatInt(id, 10), 1)
		if got := stranger.do(t, s.url, method, path); got != http.StatusForbidden {
			t.Errorf("coordinator.ir: %s %s = %d, want 403", method, path, got)
		}
	}
	var views int
	if err := s.app.db.R.QueryRow(store.Rebind(s.app.db.Engine, "SELECT COUNT(*) FROM access_log WHERE subject_kind = 'youth' AND subject_id = $1"),
		strconv.FormatInt(id, 10)).Scan(&views); err != nil || views != 0 {
		t.Fatalf("views by the stranger: %d %v", views, err)
	}
	for _, path := range []string{"/youth/", "/api/v1/youth/"} {
		if got := coord.do(t, s.url, "GET", path+strconv.FormatInt(id, 10)); got != http.StatusOK {
			t.Errorf("coordinator: GET %s%d = %d, want 200", path, id, got)
		}
	}
}
