package accounts_test

import (
	"context"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// A coordinator creates a mentor's login in their organisation only,
// always of the role mentor and with a password; an operator cannot.
func TestCreateMentorLogin(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		ctx := context.Background()
		coord := f.mustCreate(t, accounts.NewUser{Email: "c@example.org", Name: "C", Role: access.Coordinator, OrgID: 1}).Principal()
		u, err := f.svc.CreateMentorLogin(ctx, coord, accounts.NewUser{Email: "bolat@example.org", Name: "Bolat",
			Role: access.Admin, OrgID: 1, Locale: "kk", Password: "a long password"}, nil)
		if err != nil || u.Role != access.Mentor || u.OrgID != 1 {
			t.Fatalf("the mentor's login: %+v %v", u, err)
		}
		if _, err := f.svc.CreateMentorLogin(ctx, coord, accounts.NewUser{Email: "x@example.org", Name: "X", OrgID: 1,
			Locale: "kk"}, nil); fieldKeys(err)["password"] != "error.required" {
			t.Errorf("without a password: %v", err)
		}
		if _, err := f.svc.CreateMentorLogin(ctx, coord, accounts.NewUser{Email: "y@example.org", Name: "Y", OrgID: 2,
			Locale: "kk", Password: "a long password"}, nil); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("in another organisation: %v", err)
		}
		op := f.mustCreate(t, accounts.NewUser{Email: "o@example.org", Name: "O", Role: access.Operator, OrgID: 1}).Principal()
		if _, err := f.svc.CreateMentorLogin(ctx, op, accounts.NewUser{Email: "z@example.org", Name: "Z", OrgID: 1,
			Locale: "kk", Password: "a long password"}, nil); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("by an operator: %v", err)
		}
	})
}
