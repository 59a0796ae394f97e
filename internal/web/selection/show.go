package selection

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/web/kit"
)

// pageRows is how many rows of a ranking a page shows.
const pageRows = 100

// showView is a selection's page.
type showView struct {
	Page
	Sel       selection.Selection
	Macros    []selection.Macro
	Macro     string // the ranking's filter, "" for all
	Rows      []selection.Row
	NextURL   string
	Appeals   []selection.Appeal
	CanManage bool
	// The forms of the page, each keeping its input and errors.
	Score, Appeal, Decide, Pull *form
	// Competitions are the finished ones the pull form offers.
	Competitions []competition
	Deciding     int64 // the appeal the Decide form answers
	// Imported is what a list of scores entered and refused, after one.
	Imported *imported
	// Pulled is what a pull from a competition entered and refused.
	Pulled *pulledView
}

// imported is the result of a list of scores, its refusals translated.
type imported struct {
	selection.Imported
	Lines []importLine
}

// Show shows selection {id}.
func (s *Server) Show(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.render(w, r, rq, showView{}, http.StatusOK)
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, rq *request, v showView, status int) error {
	ctx := r.Context()
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	if v.Sel, err = s.svc.Selection.Get(ctx, rq.P, id); err != nil {
		return err
	}
	v.Page, v.Macros = s.Page(r, rq, "selection.title"), selection.Macros()
	v.Title = v.Sel.Name
	v.CanManage = access.Can(rq.P, access.ManageSelection, v.Sel.Target()) == nil
	v.Macro = r.URL.Query().Get("macro")
	after, _ := strconv.Atoi(r.URL.Query().Get("after"))
	if v.Rows, err = s.svc.Selection.Ranking(ctx, rq.P, id, selection.Macro(v.Macro), after, pageRows+1); err != nil {
		return err
	}
	if len(v.Rows) > pageRows {
		v.Rows = v.Rows[:pageRows]
		v.NextURL = "?macro=" + v.Macro + "&after=" + strconv.Itoa(v.Rows[pageRows-1].Ord)
	}
	if v.Appeals, err = s.svc.Selection.Appeals(ctx, rq.P, id); err != nil {
		return err
	}
	if v.Score == nil {
		v.Score = kit.NewForm(nil, scoreFields...)
	}
	if v.Appeal == nil {
		v.Appeal = kit.NewForm(nil, "youth_id", "reason")
	}
	if v.Decide == nil {
		v.Decide = kit.NewForm(nil, "score", "decision")
	}
	if v.Pull == nil {
		v.Pull = kit.NewForm(nil, pullFields...)
	}
	if v.CanManage && (v.Sel.State == selection.Collecting || v.Sel.State == selection.Ranked) {
		if v.Competitions, err = s.finished(ctx, rq.P); err != nil {
			return err
		}
	}
	s.Render(w, status, "selection", &v)
	return nil
}

var scoreFields = []string{"round", "youth_id", "score"}

// EnterScore enters a candidate's score in a regional round.
func (s *Server) EnterScore(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, scoreFields...)
	in := selection.Score{Round: f.Values["round"], Score: -1}
	in.YouthID, _ = kit.FormID(f.Values["youth_id"])
	if v, err := strconv.ParseFloat(f.Values["score"], 64); err == nil {
		in.Score = v
	}
	err = s.svc.Selection.Enter(r.Context(), rq.P, id, in)
	if f.AbsorbInput(rq.L, err) {
		return s.render(w, r, rq, showView{Score: f}, http.StatusUnprocessableEntity)
	} else if err != nil {
		return err
	}
	s.Flash(r, "selection.score_saved")
	return kit.SeeOther(w, r, "/selections/"+kit.Itoa(id))
}

// Step ranks, opens the appeals or publishes selection {id}, as {step}
// says.
func (s *Server) Step(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	switch r.PathValue("step") {
	case "rank":
		_, err = s.svc.Selection.Rank(ctx, rq.P, id)
	case "open-appeals":
		_, err = s.svc.Selection.OpenAppeals(ctx, rq.P, id)
	case "publish":
		_, err = s.svc.Selection.Publish(ctx, rq.P, id)
	default:
		return kit.ErrNotFound
	}
	if e := errs.As(err); e != nil && e.Code == errs.Conflict {
		f := kit.NewForm(nil, scoreFields...)
		f.Absorb(rq.L, err)
		return s.render(w, r, rq, showView{Score: f}, http.StatusConflict)
	} else if err != nil {
		return err
	}
	s.Flash(r, "selection.step_done")
	return kit.SeeOther(w, r, "/selections/"+kit.Itoa(id))
}

// FileAppeal files an appeal on a young person's behalf.
func (s *Server) FileAppeal(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "youth_id", "reason")
	youth, _ := kit.FormID(f.Values["youth_id"])
	_, err = s.svc.Selection.File(r.Context(), rq.P, id, youth, f.Values["reason"])
	if f.AbsorbInput(rq.L, err) {
		return s.render(w, r, rq, showView{Appeal: f}, http.StatusUnprocessableEntity)
	} else if err != nil {
		return err
	}
	s.Flash(r, "selection.appeal_filed")
	return kit.SeeOther(w, r, "/selections/"+kit.Itoa(id)+"#appeals")
}

// Decide upholds or rejects appeal {appeal}.
func (s *Server) Decide(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	aid, err := strconv.ParseInt(r.PathValue("appeal"), 10, 64)
	if err != nil {
		return kit.ErrNotFound
	}
	f := kit.NewForm(r, "score", "decision", "upheld")
	d := selection.Decision{Upheld: f.Values["upheld"] == "1", Reason: f.Values["decision"], Score: -1}
	if v, err := strconv.ParseFloat(f.Values["score"], 64); err == nil {
		d.Score = v
	}
	_, err = s.svc.Selection.Decide(r.Context(), rq.P, aid, d)
	if f.AbsorbInput(rq.L, err) {
		return s.render(w, r, rq, showView{Decide: f, Deciding: aid}, http.StatusUnprocessableEntity)
	} else if err != nil {
		return err
	}
	s.Flash(r, "selection.appeal_decided")
	return kit.SeeOther(w, r, "/selections/"+kit.Itoa(id)+"#appeals")
}
