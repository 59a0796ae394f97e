package tournament

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/tournament"
	"github.com/jolproject/jol/internal/web/kit"
)

// listView lists the tournaments of the reader's scope.
type listView struct {
	view
	listing
	Tournaments []tournament.Tournament
	CanCreate   bool
}

// List lists the tournaments, newest first.
func (s *Server) List(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	n, err := s.svc.Tournaments.Count(ctx, rq.P)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	page := pg.Store()
	page.Skip = pg.Skip()
	list, next, err := s.svc.Tournaments.List(ctx, rq.P, page)
	if err != nil {
		return err
	}
	v := listView{view: s.view(r, rq, "tournaments.title"), Tournaments: list, listing: pg.Listing(r, next, n),
		CanCreate: access.Allowed(rq.P, access.ManageTournaments)}
	s.Render(w, http.StatusOK, "tournaments", &v)
	return nil
}

var createFields = []string{"name", "org_id", "prelims", "break_size", "qualifiers", "speakers", "min_score", "max_score", "panel_size"}

// newView is the form that creates a tournament.
type newView struct {
	Page
	Form    *form
	Orgs    []kit.Option
	Numbers []string // the numeric settings' fields
}

// NewForm shows the form with the usual settings.
func (s *Server) NewForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, createFields...)
	for k, v := range map[string]int{"prelims": 4, "break_size": 8, "qualifiers": 2, "speakers": 3, "min_score": 50, "max_score": 100, "panel_size": 3} {
		f.Values[k] = strconv.Itoa(v)
	}
	f.Values["org_id"] = kit.Itoa(rq.P.OrgID)
	return s.renderNew(w, r, rq, f, http.StatusOK)
}

func (s *Server) renderNew(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	opts, err := kit.OrgOptions(r.Context(), s.svc.Orgs, rq.P, f.Values["org_id"], "", 0)
	if err != nil {
		return err
	}
	s.Render(w, status, "tournament_new", &newView{Page: s.Page(r, rq, "tournaments.new"), Form: f, Orgs: opts, Numbers: createFields[2:]})
	return nil
}

// Create creates a tournament and shows its page.
func (s *Server) Create(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, createFields...)
	in := tournament.Input{Name: f.Values["name"], OrgID: kit.FilterID(rq, f, "org_id"),
		Prelims: kit.Count(rq, f, "prelims"), BreakSize: kit.Count(rq, f, "break_size"), Qualifiers: kit.Count(rq, f, "qualifiers"),
		Rules: tournament.Rules{Speakers: kit.Count(rq, f, "speakers"), MinScore: kit.Count(rq, f, "min_score"),
			MaxScore: kit.Count(rq, f, "max_score"), PanelSize: kit.Count(rq, f, "panel_size")}}
	if len(f.FieldErrs) == 0 {
		t, err := s.svc.Tournaments.Create(r.Context(), rq.P, in)
		if err == nil {
			s.Flash(r, "tournaments.created")
			return kit.SeeOther(w, r, url(t.ID))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
		f.Move("speakers_per_team", "speakers")
	}
	return s.renderNew(w, r, rq, f, http.StatusUnprocessableEntity)
}
