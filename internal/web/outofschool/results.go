package outofschool

import (
	"math"
	"net/http"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/oosrun"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// runView is a run's results: its counts, the children by district and
// catchment school, and a page of the children.
type runView struct {
	Page
	kit.Listing
	Run      oosrun.Run
	Year     string
	Groups   []oosrun.Group
	Children []child
	District func(string) string
}

// child is a flagged child with the confidence as the page shows it.
type child struct {
	oosrun.Flag
	Percent string
}

// percent shows a share as a whole percentage in the page's digits.
func percent(l *i18n.Localizer, p float64) string {
	return l.T("duplicates.percent", "N", l.Number(int64(math.Floor(p*100))))
}

// Run shows run {id}: while its job runs, that it is queued or running.
func (s *Server) Run(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	run, err := s.svc.OOS.Run(ctx, rq.P, id)
	if err != nil {
		return err
	}
	v := runView{Page: s.Page(r, rq, "oos.run_title"), Run: run, Year: oosrun.YearLabel(run.SchoolYear),
		District: s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))}
	if run.Status == "done" {
		if v.Groups, err = s.svc.OOS.Groups(ctx, rq.P, id); err != nil {
			return err
		}
		pg := kit.PageOf(r)
		rows, next, err := s.svc.OOS.Page(ctx, rq.P, id, r.URL.Query().Get("cursor"), pg.Limit)
		if err != nil {
			return err
		}
		for _, f := range rows {
			v.Children = append(v.Children, child{Flag: f, Percent: percent(rq.L, f.Confidence)})
		}
		v.Listing = kit.NewListing(r, next)
	}
	s.Render(w, http.StatusOK, "oos_run", &v)
	return nil
}

// childView is one flagged child's record and what the run said of them.
type childView struct {
	Page
	Run     oosrun.Run
	Person  people.Person
	Flag    oosrun.Flag
	Percent string
	Region  string
}

// Child shows child {person} of run {id}; reading the record writes the
// access log.
func (s *Server) Child(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	person, err := kit.FormID(r.PathValue("person"))
	if err != nil {
		return err
	}
	ctx := r.Context()
	run, err := s.svc.OOS.Run(ctx, rq.P, id)
	if err != nil {
		return err
	}
	per, f, err := s.svc.OOS.Child(ctx, rq.P, id, person, people.ViaWeb)
	if err != nil {
		return err
	}
	v := childView{Page: s.Page(r, rq, "oos.child_title"), Run: run, Person: per, Flag: f,
		Percent: percent(rq.L, f.Confidence)}
	v.Region = s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))(f.RegionCode)
	s.Render(w, http.StatusOK, "oos_child", &v)
	return nil
}
