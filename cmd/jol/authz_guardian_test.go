package main

import (
	"context"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/youth"
)

// guardianToken registers a second minor with the demo coordinator's
// organisation and returns the token of a guardian link issued for them:
// one of their own, so a new guardian link the first young person asks
// for on their page does not replace it while the routes are walked.
func guardianToken(t *testing.T, s *testServer) string {
	t.Helper()
	ctx := context.Background()
	org, err := s.app.Orgs.Get(ctx, access.System, mustUser(t, s, "coordinator").orgID)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := s.app.Youth.Register(ctx, youth.FormPrincipal(org.ID, org.Path), org.ID, youth.Input{LastName: "Authz",
		FirstName: "Erlan", Birth: time.Now().AddDate(-15, 0, 0), RegionCode: "KZ-75", Settlement: youth.Urban,
		Status: youth.NEET, Field: "career", Language: "fa", Channel: youth.Web,
		Contact:  youth.Contact{Phone: "+7 701 555 44 34"},
		Guardian: youth.GuardianDetails{Name: "Aliya Authz", Relation: "mother", Contact: "+7 701 000 11 23"}})
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.app.Youth.GuardianLinkFor(ctx, reg.ID)
	if err != nil {
		t.Fatal(err)
	}
	return l.Token
}
