package selection

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/tournament"
	"github.com/jolproject/jol/internal/web/kit"
)

// competition is a finished competition the pull form offers: Value is
// "source:id" (a source the selection service registered).
type competition struct {
	Value, Source, Name string
}

// finished lists the finished championships and tournaments p may see,
// the newest first, for the pull form. It reads one page of each: a
// competition older than that is pulled through the API.
func (s *Server) finished(ctx context.Context, p access.Principal) ([]competition, error) {
	var out []competition
	if access.Can(p, access.ViewChampionships, p.Scope()) == nil {
		cs, _, err := s.svc.Championship.List(ctx, p, store.Page{Limit: store.MaxLimit})
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			if c.State == championship.Finished {
				out = append(out, competition{Value: "championship:" + kit.Itoa(c.ID), Source: "championship", Name: c.Name})
			}
		}
	}
	if access.Can(p, access.ViewTournaments, p.Scope()) == nil {
		ts, _, err := s.svc.Tournaments.List(ctx, p, store.Page{Limit: store.MaxLimit})
		if err != nil {
			return nil, err
		}
		for _, t := range ts {
			if t.State == tournament.Finished {
				out = append(out, competition{Value: "tournament:" + kit.Itoa(t.ID), Source: "tournament", Name: t.Name})
			}
		}
	}
	return out, nil
}

// pulledView is what a pull entered and refused, the refusals translated.
type pulledView struct {
	Entered int
	Lines   []importLine
}

// PullScores enters the results of a finished competition as a regional
// round and shows the selection's page with how many were entered and
// each young person refused.
func (s *Server) PullScores(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, pullFields...)
	source, ref, _ := strings.Cut(f.Values["competition"], ":")
	n, _ := strconv.ParseInt(ref, 10, 64)
	res, err := s.svc.Selection.PullFrom(r.Context(), rq.P, id, f.Values["round"], source, n)
	if f.AbsorbInput(rq.L, err) {
		f.Move("source", "competition")
		return s.render(w, r, rq, showView{Pull: f}, http.StatusUnprocessableEntity)
	} else if err != nil {
		return err
	}
	out := pulledView{Entered: res.Entered}
	for _, x := range res.Refused {
		out.Lines = append(out.Lines, importLine{YouthID: x.YouthID, Why: why(rq, x.Err)})
	}
	return s.render(w, r, rq, showView{Pulled: &out}, http.StatusOK)
}

var pullFields = []string{"round", "competition"}
