package testworld

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/orgs"
)

// Password is the password of every user a world makes.
const Password = "correct horse battery"

// placement is where a standard user belongs.
type placement struct {
	org    func(w *World) orgs.Organisation // nil: no organisation
	region string                           // "": everywhere
}

func foundation(w *World) orgs.Organisation { return w.Foundation }
func school(w *World) orgs.Organisation     { return w.School }
func centre(w *World) orgs.Organisation     { return w.Centre }
func tehran(w *World) orgs.Organisation     { return w.Tehran }

// userTable places the user of each role: the admin, the sponsor and the
// auditor belong nowhere in particular; the coordinator runs the
// Foundation; staff of a school work in the school; the charity's staff
// in the Tehran charity; the others in the centre.
var userTable = map[access.Role]placement{
	access.Admin:       {},
	access.Coordinator: {foundation, "KZ"},
	access.Operator:    {school, "KZ-75"},
	access.SchoolStaff: {school, "KZ-75"},
	access.Warehouse:   {centre, "KZ-75"},
	access.Outreach:    {centre, "KZ-75"},
	access.Volunteer:   {centre, "KZ-75"},
	access.Mentor:      {centre, "KZ-75"},
	access.Sponsor:     {},
	access.Auditor:     {},
	access.Charity:     {tehran, ""},
}

// Email is the address of the world's user of role r, e.g.
// "school_staff@example.org".
func Email(r access.Role) string { return string(r) + "@example.org" }

func (w *World) addUsers(t testing.TB) {
	t.Helper()
	for _, r := range access.Roles() {
		pl, ok := userTable[r]
		if !ok {
			t.Fatalf("testworld places no user of role %s", r)
		}
		in := accounts.NewUser{Email: Email(r), Name: roleName(r), Role: r, Region: pl.region}
		if pl.org != nil {
			in.OrgID = pl.org(w).ID
		}
		w.Users[r] = w.User(t, in)
	}
	w.Stranger = w.User(t, accounts.NewUser{Email: "tehran@example.org", Name: "Tehran coordinator",
		Role: access.Coordinator, OrgID: w.Tehran.ID, Region: "IR-23"})
}

// roleName is the display name of a standard user: "School staff".
func roleName(r access.Role) string {
	b := []byte(r)
	b[0] -= 'a' - 'A'
	for i := range b {
		if b[i] == '_' {
			b[i] = ' '
		}
	}
	return string(b)
}

// User makes one more user as the system, with Password when in has none.
func (w *World) User(t testing.TB, in accounts.NewUser) accounts.User {
	t.Helper()
	if in.Password == "" {
		in.Password = Password
	}
	u, err := w.Services.Accounts.Create(t.Context(), access.System, in)
	if err != nil {
		t.Fatalf("create user %s: %v", in.Email, err)
	}
	return u
}

// Principal is the world's user of role r as a principal.
func (w *World) Principal(r access.Role) access.Principal { return w.Users[r].Principal() }

// Token makes an API token for u and returns its secret.
func (w *World) Token(t testing.TB, u accounts.User) string {
	t.Helper()
	secret, _, err := w.Services.Accounts.CreateToken(t.Context(), u.Principal(), u.ID, "test")
	if err != nil {
		t.Fatalf("create a token for %s: %v", u.Email, err)
	}
	return secret
}
