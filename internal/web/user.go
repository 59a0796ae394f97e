package web

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
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

// user shows a user the administrator may manage.
func (s *Server) user(w http.ResponseWriter, r *http.Request, rq *request) error {
	u, err := s.managedUser(r, rq)
	if err != nil {
		return err
	}
	return s.renderUser(w, r, rq, u, editFormOf(u), newForm(nil, "password"), http.StatusOK)
}

// userUpdate saves the edit form.
func (s *Server) userUpdate(w http.ResponseWriter, r *http.Request, rq *request) error {
	u, err := s.managedUser(r, rq)
	if err != nil {
		return err
	}
	f := newForm(r, editFields...)
	c := accounts.Changes{Name: f.Values["name"], Role: access.Role(f.Values["role"]), Region: normRegion(f.Values["region"]),
		Locale: f.Values["locale"], Active: f.Values["active"] != ""}
	if c.OrgID, err = formID(f.Values["org"]); err != nil {
		f.fail(rq.l, "org", "error.unknown_org")
	} else if _, err := s.svc.Accounts.Update(r.Context(), rq.p, u.ID, c); err != nil && !f.absorb(rq.l, err) {
		return err
	}
	if len(f.Errors()) > 0 {
		f.Values["region"] = c.Region
		return s.renderUser(w, r, rq, u, f, newForm(nil, "password"), http.StatusUnprocessableEntity)
	}
	s.flash(r, "flash.saved")
	http.Redirect(w, r, userURL(u.ID), http.StatusSeeOther)
	return nil
}

// userPassword sets a new password for the user.
func (s *Server) userPassword(w http.ResponseWriter, r *http.Request, rq *request) error {
	u, err := s.managedUser(r, rq)
	if err != nil {
		return err
	}
	pf := newForm(nil, "password")
	if err := s.svc.Accounts.SetPassword(r.Context(), rq.p, u.ID, r.PostFormValue("password")); err != nil {
		if !pf.absorb(rq.l, err) {
			return err
		}
		return s.renderUser(w, r, rq, u, editFormOf(u), pf, http.StatusUnprocessableEntity)
	}
	s.flash(r, "users.password_set")
	http.Redirect(w, r, userURL(u.ID), http.StatusSeeOther)
	return nil
}

// managedUser reads the {id} user; Get checks the administrator's scope.
func (s *Server) managedUser(r *http.Request, rq *request) (accounts.User, error) {
	id, err := pathID(r)
	if err != nil {
		return accounts.User{}, err
	}
	return s.svc.Accounts.Get(r.Context(), rq.p, id)
}

// editFormOf fills the edit form with the user as stored.
func editFormOf(u accounts.User) *form {
	f := newForm(nil, editFields...)
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
	v := userView{Account: u, Password: pf, Back: userURL(u.ID), Self: u.ID == rq.p.UserID}
	v.userFormView = userFormView{Page: s.page(r, rq, "users.edit"), Form: f, MinPassword: accounts.MinPasswordLength,
		Roles: roleOptions(rq.l, f.Values["role"], ""), Languages: localeOptions(f.Values["locale"], rq.l.T("common.default"))}
	// After a rejected password the URL is the form's action, which has no
	// page to return to: the language switcher goes back to the user's page.
	v.Title, v.Path = u.Name, userURL(u.ID)
	var err error
	if v.Orgs, err = s.orgOptions(ctx, rq.p, f.Values["org"], rq.l.T("common.none"), 0); err != nil {
		return err
	}
	if v.Regions, err = s.regionSuggestions(ctx, rq); err != nil {
		return err
	}
	if v.Tokens, err = s.svc.Accounts.Tokens(ctx, rq.p, u.ID); err != nil {
		return err
	}
	s.render(w, status, "user", &v)
	return nil
}

func userURL(id int64) string { return "/admin/users/" + strconv.FormatInt(id, 10) }
