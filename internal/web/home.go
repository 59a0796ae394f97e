package web

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/web/kit"
)

type homeView struct {
	kit.Page
	Cards []card
}

// card is one figure on a home page, linking to where it comes from.
type card struct {
	Href   string
	Figure string
	Label  string
}

// home is each role's start page. Later capabilities add their cards
// here (requests waiting for review, kits in stock, open cases, …).
func (s *Server) home(w http.ResponseWriter, r *http.Request, rq *request) error {
	v := homeView{Page: s.page(r, rq, "nav.home")}
	ctx := r.Context()
	if access.Allowed(rq.P, access.ManageUsers) {
		n, err := s.svc.Accounts.Count(ctx)
		if err != nil {
			return err
		}
		v.Cards = append(v.Cards, card{"/admin/users", rq.L.Number(int64(n)), rq.L.T("home.card.users", "Count", n)})
	}
	if access.Allowed(rq.P, access.ViewOrgs) {
		n, err := s.svc.Orgs.Count(ctx, rq.P)
		if err != nil {
			return err
		}
		v.Cards = append(v.Cards, card{"/organisations", rq.L.Number(int64(n)), rq.L.T("home.card.organisations", "Count", n)})
	}
	if access.Allowed(rq.P, access.ViewJobs) {
		counts, err := s.svc.Jobs.Counts(ctx)
		if err != nil {
			return err
		}
		for _, st := range []string{jobs.Queued, jobs.Running, jobs.Failed} {
			n := counts[st]
			v.Cards = append(v.Cards, card{"/admin/jobs?status=" + st, rq.L.Number(int64(n)), rq.L.T("jobstatus." + st)})
		}
	}
	s.render(w, http.StatusOK, "home", &v)
	return nil
}
