package api

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/selection"
)

// The selection of young leaders: selections with their quotas, the
// regional rounds' scores, the ranking with every candidate's reason,
// the steps from ranking to publishing, appeals and their decisions, the
// table of macro-regions, and the published shortlist, which is public
// and names a young person only with their consent.

// selectionInput is the body of POST /selections.
type selectionInput struct {
	Name       string                  `json:"name"`
	OrgID      int64                   `json:"org_id"`
	Places     int                     `json:"places"`
	QuotaMode  selection.QuotaMode     `json:"quota_mode"`
	Quotas     map[selection.Macro]int `json:"quotas"`
	TieRule    selection.TieRule       `json:"tie_rule"`
	AppealDays int                     `json:"appeal_days"`
}

func (a *API) listSelections(w http.ResponseWriter, r *http.Request, rq *request) error {
	list, next, err := a.svc.Selection.List(r.Context(), rq.p, page(r))
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

func (a *API) createSelection(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in selectionInput
	if err := decode(r, &in); err != nil {
		return err
	}
	sel, err := a.svc.Selection.Create(r.Context(), rq.p, selection.Input(in))
	if err != nil {
		return err
	}
	return created(w, Prefix+"/selections/"+strconv.FormatInt(sel.ID, 10), sel)
}

func (a *API) getSelection(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sel, err := a.svc.Selection.Get(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, sel)
}

// selectionRanking answers a page of the ranking: ?macro= narrows it,
// the cursor is the last row's order.
func (a *API) selectionRanking(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	after, _ := strconv.Atoi(q.Get("cursor"))
	limit := page(r).LimitArg() - 1
	rows, err := a.svc.Selection.Ranking(r.Context(), rq.p, id, selection.Macro(q.Get("macro")), after, limit+1)
	if err != nil {
		return err
	}
	next := ""
	if len(rows) > limit {
		rows = rows[:limit]
		next = strconv.Itoa(rows[limit-1].Ord)
	}
	return writeList(w, rows, next)
}

// scoreInput is the body of POST /selections/{id}/scores.
type scoreInput struct {
	Round   string  `json:"round"`
	YouthID int64   `json:"youth_id"`
	Score   float64 `json:"score"`
	Rank    int     `json:"rank"`
}

func (a *API) enterSelectionScore(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in scoreInput
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := a.svc.Selection.Enter(r.Context(), rq.p, id, selection.Score(in)); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// selectionStep answers POST /selections/{id}/rank, /open-appeals and
// /publish with the selection after the step.
func (a *API) selectionStep(step string) handler {
	return func(w http.ResponseWriter, r *http.Request, rq *request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		var sel selection.Selection
		switch svc := a.svc.Selection; step {
		case "rank":
			sel, err = svc.Rank(r.Context(), rq.p, id)
		case "open-appeals":
			sel, err = svc.OpenAppeals(r.Context(), rq.p, id)
		default:
			sel, err = svc.Publish(r.Context(), rq.p, id)
		}
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusOK, jsonType, sel)
	}
}

// pullInput is the body of POST /selections/{id}/pull: the results of a
// finished competition of a registered source, as a regional round.
type pullInput struct {
	Round       string `json:"round"`
	Source      string `json:"source"`
	Competition int64  `json:"competition_id"`
}

// pulled is what a pull entered and refused, the refusals translated.
type pulled struct {
	Entered int           `json:"entered"`
	Refused []pullRefusal `json:"refused"`
}

type pullRefusal struct {
	YouthID int64  `json:"youth_id"`
	Message string `json:"message"`
}

func (a *API) pullSelectionRound(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in pullInput
	if err := decode(r, &in); err != nil {
		return err
	}
	res, err := a.svc.Selection.PullFrom(r.Context(), rq.p, id, in.Round, in.Source, in.Competition)
	if err != nil {
		return err
	}
	out := pulled{Entered: res.Entered, Refused: []pullRefusal{}}
	l := a.localizer(r, rq)
	for _, f := range res.Refused {
		out.Refused = append(out.Refused, pullRefusal{YouthID: f.YouthID, Message: a.errText(l, f.Err)})
	}
	return writeJSON(w, http.StatusOK, jsonType, out)
}
