package matching

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/web/kit"
)

// pageSize is how many proposals, or unmatched young people, a run's
// page shows at once.
const pageSize = 100

// runView is a run: its counts and parameters, a page of its proposals
// and a page of the young people it left unmatched.
type runView struct {
	Page
	Run        matching.Run
	Proposals  []row
	Unmatched  []unmatched
	NextURL    string // the proposals' next page
	MoreURL    string // the unmatched young people's next page
	CanApprove bool
}

// unmatched is a young person left unmatched, the reason in words.
type unmatched struct {
	matching.Unmatched
	Why string
}

// Run shows run {id}.
func (s *Server) Run(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx, q := r.Context(), r.URL.Query()
	run, err := s.svc.Matching.GetRun(ctx, rq.P, id)
	if err != nil {
		return err
	}
	after, _ := strconv.ParseInt(q.Get("after"), 10, 64)
	uafter, _ := strconv.ParseInt(q.Get("uafter"), 10, 64)
	ps, err := s.svc.Matching.RunProposals(ctx, rq.P, id, after, pageSize)
	if err != nil {
		return err
	}
	us, err := s.svc.Matching.RunUnmatched(ctx, rq.P, id, uafter, pageSize)
	if err != nil {
		return err
	}
	v := runView{Page: s.Page(r, rq, "matching.run_title"), Run: run, Proposals: rows(rq.L, ps),
		CanApprove: access.Allowed(rq.P, access.RunMatching)}
	for _, u := range us {
		v.Unmatched = append(v.Unmatched, unmatched{Unmatched: u, Why: rq.L.T(u.Reason.Key, u.Reason.Args...)})
	}
	base := "/matching/" + kit.Itoa(id)
	if len(ps) == pageSize {
		v.NextURL = base + "?after=" + kit.Itoa(ps[len(ps)-1].ID)
	}
	if len(us) == pageSize {
		v.MoreURL = base + "?uafter=" + kit.Itoa(us[len(us)-1].YouthID) + "#unmatched"
	}
	s.Render(w, http.StatusOK, "matching_run", &v)
	return nil
}

// Approve approves a minor's proposal {id} and goes back to its run.
func (s *Server) Approve(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	p, err := s.svc.Matching.Approve(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	s.Flash(r, "matching.approved")
	return kit.SeeOther(w, r, "/matching/"+kit.Itoa(p.RunID))
}

// fieldName is field f's name in locale, English when it has none.
func fieldName(f mentoring.Field, locale string) string {
	name := map[string]string{"kk": f.NameKK, "ru": f.NameRU, "fr": f.NameFR, "fa": f.NameFA}[locale]
	if name == "" {
		return f.NameEN
	}
	return name
}
