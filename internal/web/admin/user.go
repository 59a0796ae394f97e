package admin

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/web/kit"
)

// userView is one user's page: their profile and scope to edit, a new
// password to set, and their API tokens to revoke.
type userView struct {
	userFormView
	Account  accounts.User
	Password *form
	Tokens   []accounts.Token
	Back     string // where revoking a token returns
	Self     bool   // the administrator is looking at their own account
}

// editFields are the fields of the edit form, in page order.
var editFields = []string{"name", "role", "org", "region", "locale", "active"}

// User shows a user the administrator may manage.
func (s *Server) User(w http.ResponseWriter, r *http.Request, rq *request) error {
	u, err := s.managedUser(r, rq)
	if err != nil {
		return err
	}
	return s.renderUser(w, r, rq, u, editFormOf(u), kit.NewForm(nil, "password"), http.StatusOK)
}

// UserUpdate saves the edit form.
func (s *Server) UserUpdate(w http.ResponseWriter, r *http.Request, rq *request) error {
	u, err := s.managedUser(r, rq)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, editFields...)
	c := accounts.Changes{Name: f.Values["name"], Role: access.Role(f.Values["role"]), Region: kit.NormRegion(f.Values["region"]),
		Locale: f.Values["locale"], Active: f.Values["active"] != ""}
	if c.OrgID, err = kit.FormID(f.Values["org"]); err != nil {
		f.Fail(rq.L, "org", "error.unknown_org")
	} else if _, err := s.svc.Accounts.Update(r.Context(), rq.P, u.ID, c); err != nil && !f.Absorb(rq.L, err) {
		return err
	}
	if len(f.Errors()) > 0 {
		f.Values["region"] = c.Region
		return s.renderUser(w, r, rq, u, f, kit.NewForm(nil, "password"), http.StatusUnprocessableEntity)
	}
	s.Flash(r, "flash.saved")
	http.Redirect(w, r, userURL(u.ID), http.StatusSeeOther)
	return nil
}

// UserPassword sets a new password for the user.
func (s *Server) UserPassword(w http.ResponseWriter, r *http.Request, rq *request) error {
	u, err := s.managedUser(r, rq)
	if err != nil {
		return err
	}
	pf := kit.NewForm(nil, "password")
	if err := s.svc.Accounts.SetPassword(r.Context(), rq.P, u.ID, r.PostFormValue("password")); err != nil {
		if !pf.Absorb(rq.L, err) {
			return err
		}
		return s.renderUser(w, r, rq, u, editFormOf(u), pf, http.StatusUnprocessableEntity)
	}
	s.Flash(r, "users.password_set")
	http.Redirect(w, r, userURL(u.ID), http.StatusSeeOther)
	return nil
}

// managedUser reads the {id} user; Get checks the administrator's scope.
func (s *Server) managedUser(r *http.Request, rq *request) (accounts.User, error) {
	id, err := kit.PathID(r)
	if err != nil {
		return accounts.User{}, err
	}
	return s.svc.Accounts.Get(r.Context(), rq.P, id)
}

// editFormOf fills the edit form with the user as stored.
func editFormOf(u accounts.User) *form {
	f := kit.NewForm(nil, editFields...)
	f.Values = map[string]string{"name": u.Name, "role": string(u.Role), "region": u.RegionCode, "locale": u.Locale}
	if u.OrgID != 0 {
		f.Values["org"] = strconv.FormatInt(u.OrgID, 10)
	}
	if u.Active {
		f.Values["active"] = "on"
	}
	return f
}

func (s *Server) renderUser(w http.ResponseWriter, r *http.Request, rq *request, u accounts.User, f, pf *form, status int) error {
	ctx := r.Context()
	v := userView{Account: u, Password: pf, Back: userURL(u.ID), Self: u.ID == rq.P.UserID}
	v.userFormView = userFormView{Page: s.Page(r, rq, "users.edit"), Form: f, MinPassword: accounts.MinPasswordLength,
		Roles: kit.RoleOptions(rq.L, f.Values["role"], ""), Languages: kit.LocaleOptions(f.Values["locale"], rq.L.T("common.default"))}
	// After a rejected password the URL is the form's action, which has no
	// page to return to: the language switcher goes back to the user's page.
	v.Title, v.Path = u.Name, userURL(u.ID)
	var err error
	if v.Orgs, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, f.Values["org"], rq.L.T("common.none"), 0); err != nil {
		return err
	}
	if v.Regions, err = kit.RegionSuggestions(ctx, s.svc.Geo, s.svc.Orgs, rq); err != nil {
		return err
	}
	if v.Tokens, err = s.svc.Accounts.Tokens(ctx, rq.P, u.ID); err != nil {
		return err
	}
	s.Render(w, status, "user", &v)
	return nil
}

func userURL(id int64) string { return "/admin/users/" + strconv.FormatInt(id, 10) }
