package mentoring_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// The change log keeps a mentor's application, approval and profile
// changes in the mentor's scope, so the auditor of their organisation
// reads them (an entry without a scope is read by nobody scoped).
func TestMentorChangesAreInTheAuditorsLog(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Mentoring
		m, err := s.Apply(ctx, application(w, "Aigerim Nurlanova", "aigerim@example.org"))
		must(t, err)
		_, err = s.Decide(ctx, w.Principal(access.Coordinator), m.ID, m.Version, true, "")
		must(t, err)
		auditor := w.User(t, accounts.NewUser{Email: "branch-auditor@example.org", Name: "Branch auditor",
			Role: access.Auditor, OrgID: w.Foundation.ID, Region: "KZ"}).Principal()
		got, _, err := w.Services.Audit.Changes(ctx, auditor, audit.Filter{Entity: "mentor"}, store.Page{})
		must(t, err)
		actions := map[string]bool{}
		for _, e := range got {
			actions[e.Action] = true
		}
		if !actions["create"] || !actions["approve"] {
			t.Errorf("the auditor reads %v of the mentor's changes, want create and approve", actions)
		}
		// A list of mentors imported into the branch is theirs to read too.
		importList(t, w, w.Principal(access.Coordinator), mentorList)
		batches, _, err := w.Services.Audit.Changes(ctx, auditor, audit.Filter{Entity: "mentor_batch"}, store.Page{})
		must(t, err)
		if len(batches) != 1 || batches[0].Action != "import" {
			t.Errorf("the auditor reads %d imports of mentors, want 1: %+v", len(batches), batches)
		}
	})
}
