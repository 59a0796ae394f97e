package accounts_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func fieldKeys(err error) map[string]string {
	out := map[string]string{}
	if e := errs.As(err); e != nil {
		for _, f := range e.Fields {
			out[f.Field] = f.Key
		}
	}
	return out
}

func TestCreateValidates(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		ctx := context.Background()
		_, err := f.svc.Create(ctx, access.System, accounts.NewUser{Email: "not an email", Role: "wizard", Password: "short", Locale: "tlh"})
		got := fieldKeys(err)
		want := map[string]string{"email": "error.invalid_email", "name": "error.required", "locale": "error.invalid_choice_of",
			"role": "error.invalid_role", "password": "error.password_short"}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("field %s: %q, want %q (all: %v)", k, got[k], v, got)
			}
		}
		f.mustCreate(t, accounts.NewUser{Email: "Aigul@Example.org", Name: "Айгүл", Role: access.Coordinator})
		_, err = f.svc.Create(ctx, access.System, accounts.NewUser{Email: "aigul@example.org ", Name: "B", Role: access.Operator})
		if fieldKeys(err)["email"] != "error.email_taken" {
			t.Fatalf("duplicate e-mail in other case: %v", err)
		}
		_, err = f.svc.Create(ctx, access.System, accounts.NewUser{Email: "x@example.org", Name: "X", Role: access.Operator, Region: "KZ-99"})
		if fieldKeys(err)["region"] != "error.unknown_region" {
			t.Fatalf("unknown region: %v", err)
		}
	})
}

func TestScopedAdminManagesOnlyTheirSubtree(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		ctx := context.Background()
		admin := f.mustCreate(t, accounts.NewUser{Email: "admin1@example.org", Name: "A1", Role: access.Admin, OrgID: 1})
		other := f.mustCreate(t, accounts.NewUser{Email: "op2@example.org", Name: "Op2", Role: access.Operator, OrgID: 2})
		p := admin.Principal()
		if _, err := f.svc.Create(ctx, p, accounts.NewUser{Email: "n@example.org", Name: "N", Role: access.Operator, OrgID: 2}); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("admin of org 1 created a user in org 2: %v", err)
		}
		if _, err := f.svc.Create(ctx, p, accounts.NewUser{Email: "n@example.org", Name: "N", Role: access.Operator, OrgID: 1}); err != nil {
			t.Fatalf("admin of org 1 in own org: %v", err)
		}
		if _, err := f.svc.Get(ctx, p, other.ID); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("admin of org 1 read a user of org 2: %v", err)
		}
		list, _, err := f.svc.List(ctx, p, accounts.Filter{}, store.Page{})
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range list {
			if u.OrgID != 1 {
				t.Errorf("scoped list shows %s of org %d", u.Email, u.OrgID)
			}
		}
		if len(list) != 2 {
			t.Errorf("scoped list has %d users, want 2", len(list))
		}
		coord := f.mustCreate(t, accounts.NewUser{Email: "c@example.org", Name: "C", Role: access.Coordinator, OrgID: 1})
		if _, _, err := f.svc.List(ctx, coord.Principal(), accounts.Filter{}, store.Page{}); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("coordinator listed users: %v", err)
		}
	})
}

func TestUpdateIsAuditedWithoutSecrets(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		ctx := context.Background()
		admin := f.mustCreate(t, accounts.NewUser{Email: "root@example.org", Name: "Root", Role: access.Admin, Password: "correct horse battery"})
		op := f.mustCreate(t, accounts.NewUser{Email: "op@example.org", Name: "Op", Role: access.Operator, Password: "operator-secret-1"})
		p := admin.Principal()
		u, err := f.svc.Update(ctx, p, op.ID, accounts.Changes{Name: "<script>alert(1)</script>", Role: access.Coordinator,
			Region: "KZ-75", Active: true})
		if err != nil {
			t.Fatal(err)
		}
		if u.Name != "<script>alert(1)</script>" || u.RegionPath != "/KZ/KZ-75/" || u.Role != access.Coordinator {
			t.Fatalf("updated user = %+v", u)
		}
		if _, err := f.svc.Update(ctx, p, admin.ID, accounts.Changes{Name: "Root", Role: access.Operator, Active: true}); fieldKeys(err)["role"] != "error.self_demote" {
			t.Fatalf("admin demoted themselves: %v", err)
		}
		entries, _, err := f.log.Changes(ctx, p, audit.Filter{Entity: "user"}, store.Page{})
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 3 || entries[0].Action != "update" || !strings.Contains(entries[0].Before, `"role":"operator"`) {
			t.Fatalf("audit entries = %+v", entries)
		}
		for _, e := range entries {
			if strings.Contains(e.Before+e.After, "argon2") || strings.Contains(e.Before+e.After, "secret") {
				t.Fatalf("audit leaks a password: %+v", e)
			}
		}
	})
}
