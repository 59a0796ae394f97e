package appeals_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/testworld"
)

// An appeal goes only to an active user who may answer it, and each other
// is refused with the reason: no such active user, a role that does not
// answer appeals, or an organisation or region outside the appeal's.
func TestAssignRefusesWithTheReason(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, op := w.Services.Appeals, w.Principal(access.Operator)
		a, err := s.Create(t.Context(), op, call(appeals.Question, "когда выдача?"))
		if err != nil {
			t.Fatal(err)
		}
		gone := w.User(t, accounts.NewUser{Email: "gone@example.org", Name: "Gone", Role: access.Operator, OrgID: w.School.ID})
		if _, err := w.Services.Accounts.Update(t.Context(), access.System, gone.ID, accounts.Changes{Name: gone.Name,
			Role: gone.Role, OrgID: gone.OrgID, Active: false}); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			user int64
			want string
		}{
			{w.Users[access.SchoolStaff].ID, "assignee error.assignee_role School staff"},
			{w.Stranger.ID, "assignee error.assignee_scope Tehran coordinator"},
			{w.Users[access.Outreach].ID, "assignee error.assignee_scope Outreach"}, // at the centre, not the school
			{gone.ID, "assignee error.assignee "},
			{gone.ID + 100, "assignee error.assignee "},
		} {
			_, err := s.Assign(t.Context(), op, a.ID, tc.user)
			got := ""
			if e := errs.As(err); e != nil && len(e.Fields) == 1 {
				f := e.Fields[0]
				got = f.Field + " " + f.Key + " "
				if len(f.Args) == 2 {
					got += f.Args[1].(string)
				}
			}
			if got != tc.want {
				t.Errorf("assign to %d: %q (%v), want %q", tc.user, got, err, tc.want)
			}
		}
		coord := w.Users[access.Coordinator]
		b, err := s.Assign(t.Context(), op, a.ID, coord.ID)
		if err != nil || b.AssigneeID != coord.ID {
			t.Fatalf("assign to the coordinator: %+v %v", b, err)
		}
		if b, err = s.Assign(t.Context(), op, a.ID, 0); err != nil || b.AssigneeID != 0 {
			t.Fatalf("assign to nobody: %+v %v", b, err)
		}
	})
}
