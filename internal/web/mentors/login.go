package mentors

import (
	"context"
	"database/sql"
	"errors"
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/web/kit"
)

var loginFields = []string{"email", "password", "existing"}

// Login gives the {id} mentor, once approved, a login through which they
// answer their proposals and keep their mentorships: a new user of the
// role mentor (email and password, which the coordinator passes on), or
// an existing user of that role named by email ("existing"). Either is
// linked to the mentor's record.
func (s *Server) Login(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	m, err := s.svc.Mentoring.Get(ctx, rq.P, id)
	if err != nil {
		return err
	}
	// The page offers the form to an approved mentor without a login
	// only: any other post is a conflict the error page explains.
	switch {
	case m.Status != mentoring.Approved:
		return errs.New(errs.Conflict, "error.mentor_login_not_approved")
	case m.UserID != 0:
		return errs.New(errs.Conflict, "error.mentor_login_linked")
	}
	f := kit.NewForm(r, loginFields...)
	err = s.giveLogin(ctx, rq.P, m, f)
	if err == nil {
		s.Flash(r, "mentors.login_given")
		return kit.SeeOther(w, r, "/mentors/"+kit.Itoa(id))
	}
	if !f.AbsorbInput(rq.L, err) {
		return err
	}
	return s.renderMentor(w, r, rq, nil, nil, f, http.StatusUnprocessableEntity)
}

// giveLogin links the user f names, or a new one, to mentor m.
func (s *Server) giveLogin(ctx context.Context, p access.Principal, m mentoring.Mentor, f *form) error {
	if email := f.Values["existing"]; email != "" {
		u, err := s.svc.Accounts.LookupEmail(ctx, email)
		if errors.Is(err, errs.ErrNotFound) || err == nil && (u.Role != access.Mentor || !access.Within(p, u.Target())) {
			return errs.Validation(errs.Field("existing", "error.mentor_login_unknown"))
		} else if err != nil {
			return err
		}
		return s.svc.Mentoring.LinkUser(ctx, p, m.ID, u.ID)
	}
	_, err := s.svc.Accounts.CreateMentorLogin(ctx, p, accounts.NewUser{Email: f.Values["email"], Name: m.Name,
		OrgID: m.OrgID, Region: m.RegionCode, Locale: loginLocale(m), Password: f.Values["password"]},
		func(ctx context.Context, tx *sql.Tx, u accounts.User) error {
			return s.svc.Mentoring.LinkNewLogin(ctx, tx, p, m.ID, u.ID)
		})
	return err
}

// loginLocale is the language a new login reads Jol in: the mentor's
// first language Jol speaks, else Kazakh.
func loginLocale(m mentoring.Mentor) string {
	for _, l := range m.Languages {
		if i18n.Locale(l).Valid() {
			return l
		}
	}
	return string(i18n.KK)
}
