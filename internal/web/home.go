package web

import (
	"context"
	"net/http"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/web/kit"
)

type homeView struct {
	kit.Page
	Cards []card     // figures worth a glance: the background jobs' states
	Links []homeLink // the pages the user may open, each with what it is for
	// Coming says the role's work is not in Jol yet: the page says what
	// Jol will offer it (home.coming.<role>).
	Coming bool
	// Mentor is a mentor's own work, on a mentor's home only.
	Mentor *mentorHome
}

// card is one figure on a home page, linking to where it comes from.
type card struct {
	Href   string
	Figure string
	Label  string
}

// homeLink is one page a home offers, with a count where it is cheap.
type homeLink struct {
	Href   string
	Title  string
	Text   string
	Figure string // "" when the page has no count to show
}

// home is each role's start page: what the role can do in Jol today, as
// links to the pages it may open, and for roles still waiting for their
// part of Jol, what is coming. Later capabilities add their pages to
// homeLinks and their figures here.
func (s *Server) home(w http.ResponseWriter, r *http.Request, rq *request) error {
	v := homeView{Page: s.page(r, rq, "nav.home")}
	ctx := r.Context()
	runs := s.seesCampaigns(ctx, rq.P)
	for _, l := range homeLinks {
		if !offers(rq.P, l.href, l.action, runs) {
			continue
		}
		n, err := s.homeCount(ctx, rq, l.href)
		if err != nil {
			return err
		}
		hl := homeLink{Href: l.href, Title: rq.L.T(l.title), Text: rq.L.T(l.text)}
		if n >= 0 {
			hl.Figure = rq.L.Number(int64(n))
		}
		v.Links = append(v.Links, hl)
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
	v.Coming = slices.Contains(upcoming, rq.P.Role)
	if rq.P.Role == access.Mentor {
		var err error
		if v.Mentor, err = s.mentorHome(ctx, rq.P); err != nil {
			return err
		}
	}
	s.render(w, http.StatusOK, "home", &v)
	return nil
}

// homeCount is the count a home link shows, or -1 for none: only counts
// of one cheap query each, and never of children, so that no role learns
// a number of records it may not open.
func (s *Server) homeCount(ctx context.Context, rq *request, href string) (int, error) {
	switch href {
	case "/admin/users":
		return s.svc.Accounts.Count(ctx)
	case "/organisations":
		return s.svc.Orgs.Count(ctx, rq.P)
	case "/safeguarding":
		// The concerns waiting for this lead: how a concern reaches them
		// at once, on the first page they see.
		return s.svc.Mentorship.OpenConcerns(ctx, rq.P)
	}
	return -1, nil
}
