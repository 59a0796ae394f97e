package web

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
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

// users lists the users in the administrator's scope, filtered by role
// and by a part of the name or e-mail.
func (s *Server) users(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := queryForm(r, "role", "q")
	role := access.Role(f.Values["role"])
	if role != "" && !role.Valid() {
		f.fail(rq.l, "role", "error.invalid_role")
		role = ""
	}
	list, next, err := s.svc.Accounts.List(r.Context(), rq.p, accounts.Filter{Role: role, Query: f.Values["q"]}, pageOf(r))
	if err != nil {
		return err
	}
	v := usersView{Page: s.page(r, rq, "users.title"), listing: newListing(r, next), Filter: f,
		Roles: roleOptions(rq.l, string(role), rq.l.T("common.all"))}
	name := s.regionNamer(r.Context(), string(rq.l.Locale()))
	for _, u := range list {
		v.Users = append(v.Users, userRow{User: u, RegionName: name(u.RegionCode)})
	}
	s.render(w, http.StatusOK, "users", &v)
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

// userNew shows the invitation form.
func (s *Server) userNew(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := newForm(nil, userFields...)
	f.Values["role"] = string(access.Operator)
	f.Values["locale"] = string(rq.l.Locale())
	if rq.p.OrgID != 0 {
		f.Values["org"] = strconv.FormatInt(rq.p.OrgID, 10)
	}
	return s.renderUserForm(w, r, rq, f, http.StatusOK)
}

// userCreate creates the invited user with the initial password the
// administrator chose, then returns to the list.
func (s *Server) userCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := newForm(r, userFields[:6]...)
	f.order = userFields
	in := accounts.NewUser{Email: f.Values["email"], Name: f.Values["name"], Role: access.Role(f.Values["role"]),
		Region: normRegion(f.Values["region"]), Locale: f.Values["locale"], Password: r.PostFormValue("password")}
	var err error
	switch in.OrgID, err = formID(f.Values["org"]); {
	case err != nil:
		f.fail(rq.l, "org", "error.unknown_org")
	case in.Password == "":
		// The domain allows a user without a password; this form does not.
		f.fail(rq.l, "password", "error.password_short", "Min", accounts.MinPasswordLength)
	default:
		if _, err := s.svc.Accounts.Create(r.Context(), rq.p, in); err != nil && !f.absorb(rq.l, err) {
			return err
		}
	}
	if len(f.Errors()) > 0 {
		f.Values["region"] = in.Region
		return s.renderUserForm(w, r, rq, f, http.StatusUnprocessableEntity)
	}
	s.flash(r, "flash.created")
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
	return nil
}

func (s *Server) renderUserForm(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	v := userFormView{Page: s.page(r, rq, "users.new"), Form: f, MinPassword: accounts.MinPasswordLength,
		Roles: roleOptions(rq.l, f.Values["role"], ""), Languages: localeOptions(f.Values["locale"], rq.l.T("common.default"))}
	var err error
	if v.Orgs, err = s.orgOptions(r.Context(), rq.p, f.Values["org"], rq.l.T("common.none"), 0); err != nil {
		return err
	}
	if v.Regions, err = s.regionSuggestions(r.Context(), rq); err != nil {
		return err
	}
	s.render(w, status, "user_new", &v)
	return nil
}
