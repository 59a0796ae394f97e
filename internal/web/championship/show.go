package championship

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/web/kit"
)

// showView is a championship's page: its rubric, the tie-break rule in
// words, a page of the leaderboard (teams only), the jury, and for the
// organisers the forms that move it on.
type showView struct {
	view
	kit.Listing
	C         championship.Championship
	TieBreak  string
	Board     []championship.Standing
	Jurors    []championship.Juror
	Manage    bool
	CanScore  bool
	Next      championship.State
	TeamForm  *form
	JurorForm *form
}

// Show shows championship {id}.
func (s *Server) Show(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderShow(w, r, rq, nil, nil, http.StatusOK)
}

func (s *Server) renderShow(w http.ResponseWriter, r *http.Request, rq *request, team, juror *form, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	c, err := s.svc.Championship.Get(ctx, rq.P, id)
	if err != nil {
		return err
	}
	v := showView{view: s.view(r, rq, "championship.title"), C: c, TieBreak: tieBreak(rq, c.Rubric),
		Manage: access.Can(rq.P, access.ManageChampionships, c.Target()) == nil, TeamForm: team, JurorForm: juror}
	v.Title = c.Name
	rows, next, err := s.svc.Championship.Leaderboard(ctx, rq.P, id, r.URL.Query().Get("cursor"), kit.PageOf(r).Limit)
	if err != nil {
		return err
	}
	v.Board, v.Listing = rows, kit.NewListing(r, next)
	if v.Jurors, err = s.svc.Championship.Jurors(ctx, rq.P, id); err != nil {
		return err
	}
	v.CanScore = c.State == championship.Scoring && (v.Manage || slices.ContainsFunc(v.Jurors,
		func(j championship.Juror) bool { return j.UserID != 0 && j.UserID == rq.P.UserID }))
	switch c.State {
	case championship.Open:
		v.Next = championship.Scoring
	case championship.Scoring:
		v.Next = championship.Finished
	}
	if v.TeamForm == nil {
		v.TeamForm = kit.NewForm(nil, "team_name", "team_region", "members")
		v.TeamForm.Values["team_region"] = c.RegionCode
	}
	if v.JurorForm == nil {
		v.JurorForm = kit.NewForm(nil, "juror_name", "juror_region")
	}
	s.Render(w, status, "championship", &v)
	return nil
}

// tieBreak states the rule in the page's language, naming the criteria
// in the order they break ties.
func tieBreak(rq *request, r []championship.Criterion) string {
	order := slices.Clone(r)
	slices.SortStableFunc(order, func(a, b championship.Criterion) int { return cmp.Compare(b.Weight, a.Weight) })
	names := make([]string, len(order))
	for i, c := range order {
		names[i] = c.Name
	}
	return rq.L.T("championship.tie_break", "Criteria", strings.Join(names, " → "))
}

// SetState moves the championship to its next state.
func (s *Server) SetState(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "state", "version")
	version := int(kit.Number(rq, f, "version"))
	if _, err := s.svc.Championship.SetState(r.Context(), rq.P, id, championship.State(f.Values["state"]), version); err != nil {
		return err
	}
	s.Flash(r, "championship.state_changed")
	return kit.SeeOther(w, r, "/championships/"+kit.Itoa(id))
}
