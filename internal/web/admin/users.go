package admin

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/web/kit"
)

// usersView is the list of users an administrator manages.
type usersView struct {
	Page
	listing
	Filter *form
	Roles  []option
	Users  []userRow
}

// userRow is one user as listed, with the region named in the viewer's
// language.
type userRow struct {
	accounts.User
	RegionName string
}

// Users lists the users in the administrator's scope, filtered by role
// and by a part of the name or e-mail.
func (s *Server) Users(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.QueryForm(r, "role", "q")
	role := access.Role(f.Values["role"])
	if role != "" && !role.Valid() {
		f.Fail(rq.L, "role", "error.invalid_role")
		role = ""
	}
	flt := accounts.Filter{Role: role, Query: f.Values["q"]}
	n, err := s.svc.Accounts.ListCount(r.Context(), rq.P, flt)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	list, next, err := s.svc.Accounts.List(r.Context(), rq.P, flt, pg.Store())
	if err != nil {
		return err
	}
	v := usersView{Page: s.Page(r, rq, "users.title"), listing: pg.Listing(r, next, n), Filter: f,
		Roles: kit.RoleOptions(rq.L, string(role), rq.L.T("common.all"))}
	name := s.RegionNamer(r.Context(), s.svc.Geo, string(rq.L.Locale()))
	for _, u := range list {
		v.Users = append(v.Users, userRow{User: u, RegionName: name(u.RegionCode)})
	}
	s.Render(w, http.StatusOK, "users", &v)
	return nil
}

// userFormView is the invitation of a new user.
type userFormView struct {
	Page
	Form      *form
	Roles     []option
	Orgs      []option
	Languages []option
	Regions   []option
	// MinPassword is the shortest password the services accept.
	MinPassword int
}

// userFields are the fields of the invitation, in page order.
var userFields = []string{"email", "name", "role", "org", "region", "locale", "password"}

// UserNew shows the invitation form.
func (s *Server) UserNew(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, userFields...)
	f.Values["role"] = string(access.Operator)
	f.Values["locale"] = string(rq.L.Locale())
	if rq.P.OrgID != 0 {
		f.Values["org"] = strconv.FormatInt(rq.P.OrgID, 10)
	}
	return s.renderUserForm(w, r, rq, f, http.StatusOK)
}

// UserCreate creates the invited user with the initial password the
// administrator chose, then returns to the list.
func (s *Server) UserCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, userFields[:6]...)
	f.Order = userFields
	in := accounts.NewUser{Email: f.Values["email"], Name: f.Values["name"], Role: access.Role(f.Values["role"]),
		Region: kit.NormRegion(f.Values["region"]), Locale: f.Values["locale"], Password: r.PostFormValue("password")}
	var err error
	switch in.OrgID, err = kit.FormID(f.Values["org"]); {
	case err != nil:
		f.Fail(rq.L, "org", "error.unknown_org")
	case in.Password == "":
		// The domain allows a user without a password; this form does not.
		f.Fail(rq.L, "password", "error.password_short", "Min", accounts.MinPasswordLength)
	default:
		if _, err := s.svc.Accounts.Create(r.Context(), rq.P, in); err != nil && !f.Absorb(rq.L, err) {
			return err
		}
	}
	if len(f.Errors()) > 0 {
		f.Values["region"] = in.Region
		return s.renderUserForm(w, r, rq, f, http.StatusUnprocessableEntity)
	}
	s.Flash(r, "flash.created")
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
	return nil
}

func (s *Server) renderUserForm(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	v := userFormView{Page: s.Page(r, rq, "users.new"), Form: f, MinPassword: accounts.MinPasswordLength,
		Roles: kit.RoleOptions(rq.L, f.Values["role"], ""), Languages: kit.LocaleOptions(f.Values["locale"], rq.L.T("common.default"))}
	var err error
	if v.Orgs, err = kit.OrgOptions(r.Context(), s.svc.Orgs, rq.P, f.Values["org"], rq.L.T("common.none"), 0); err != nil {
		return err
	}
	if v.Regions, err = kit.RegionSuggestions(r.Context(), s.svc.Geo, s.svc.Orgs, rq); err != nil {
		return err
	}
	s.Render(w, status, "user_new", &v)
	return nil
}
