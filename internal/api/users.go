package api

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
)

func (a *API) listUsers(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	f := accounts.Filter{Role: access.Role(q.Get("role")), Query: q.Get("q")}
	users, next, err := a.svc.Accounts.List(r.Context(), rq.p, f, page(r))
	if err != nil {
		return err
	}
	return writeList(w, users, next)
}

// newUser is the body of POST /users.
type newUser struct {
	Email    string      `json:"email"`
	Name     string      `json:"name"`
	Role     access.Role `json:"role"`
	OrgID    int64       `json:"org_id"`
	Region   string      `json:"region"`
	Locale   string      `json:"locale"`
	Password string      `json:"password"`
}

func (a *API) createUser(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in newUser
	if err := decode(r, &in); err != nil {
		return err
	}
	u, err := a.svc.Accounts.Create(r.Context(), rq.p, accounts.NewUser{Email: in.Email, Name: in.Name, Role: in.Role,
		OrgID: in.OrgID, Region: in.Region, Locale: in.Locale, Password: in.Password})
	if err != nil {
		return err
	}
	return created(w, Prefix+"/users/"+strconv.FormatInt(u.ID, 10), u)
}

func (a *API) getUser(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	u, err := a.svc.Accounts.Get(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, u)
}

// userPatch is the body of PATCH /users/{id}: fields left out keep their
// value; org_id 0 and region "" remove the restriction.
type userPatch struct {
	Name   *string      `json:"name"`
	Role   *access.Role `json:"role"`
	OrgID  *int64       `json:"org_id"`
	Region *string      `json:"region"`
	Locale *string      `json:"locale"`
	Active *bool        `json:"active"`
}

func (a *API) updateUser(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in userPatch
	if err := decode(r, &in); err != nil {
		return err
	}
	u, err := a.svc.Accounts.Get(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	c := accounts.Changes{Name: u.Name, Role: u.Role, OrgID: u.OrgID, Region: u.RegionCode, Locale: u.Locale, Active: u.Active}
	set(&c.Name, in.Name)
	set(&c.Role, in.Role)
	set(&c.OrgID, in.OrgID)
	set(&c.Region, in.Region)
	set(&c.Locale, in.Locale)
	set(&c.Active, in.Active)
	if u, err = a.svc.Accounts.Update(r.Context(), rq.p, id, c); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, u)
}

// set copies a value a PATCH body gave into dst.
func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

func (a *API) setPassword(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Password string `json:"password"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := a.svc.Accounts.SetPassword(r.Context(), rq.p, id, in.Password); err != nil {
		return err
	}
	return a.getUser(w, r, rq)
}
