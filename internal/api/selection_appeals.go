package api

import (
	"net/http"
	"strings"

	"github.com/jolproject/jol/internal/selection"
)

func (a *API) listSelectionAppeals(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	list, err := a.svc.Selection.Appeals(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeList(w, list, "")
}

// selectionAppealInput is the body of POST /selections/{id}/appeals: a member of
// staff files it on the young person's behalf.
type selectionAppealInput struct {
	YouthID int64  `json:"youth_id"`
	Reason  string `json:"reason"`
}

// fileSelectionAppeal answers 201 with a new appeal, 200 with the first
// when the young person had already appealed.
func (a *API) fileSelectionAppeal(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in selectionAppealInput
	if err := decode(r, &in); err != nil {
		return err
	}
	ap, err := a.svc.Selection.File(r.Context(), rq.p, id, in.YouthID, in.Reason)
	if err != nil {
		return err
	}
	if ap.Existing {
		return writeJSON(w, http.StatusOK, jsonType, ap)
	}
	return created(w, r.URL.Path, ap)
}

// appealDecisionInput is the body of POST /selection-appeals/{id}/decision.
type appealDecisionInput struct {
	Upheld bool    `json:"upheld"`
	Score  float64 `json:"score"`
	Reason string  `json:"reason"`
}

func (a *API) decideSelectionAppeal(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in appealDecisionInput
	if err := decode(r, &in); err != nil {
		return err
	}
	ap, err := a.svc.Selection.Decide(r.Context(), rq.p, id, selection.Decision(in))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, ap)
}

func (a *API) listMacroRegions(w http.ResponseWriter, r *http.Request, rq *request) error {
	list, err := a.svc.Selection.MacroRegions(r.Context(), rq.p)
	if err != nil {
		return err
	}
	return writeList(w, list, "")
}

// macroInput is the body of PUT /macro-regions/{code}; "" takes the
// region out of the table.
type macroInput struct {
	Macro selection.Macro `json:"macro"`
}

func (a *API) setMacroRegion(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in macroInput
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := a.svc.Selection.SetMacro(r.Context(), rq.p, strings.ToUpper(r.PathValue("code")), in.Macro); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// shortlist is the public shortlist: the selection's name and places, and
// the list.
type shortlist struct {
	ID     int64              `json:"id"`
	Name   string             `json:"name"`
	Places int                `json:"places"`
	Items  []selection.Listed `json:"items"`
}

func (a *API) getShortlist(w http.ResponseWriter, r *http.Request, _ *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sel, list, err := a.svc.Selection.Shortlist(r.Context(), id)
	if err != nil {
		return err
	}
	if list == nil {
		list = []selection.Listed{}
	}
	return writeJSON(w, http.StatusOK, jsonType, shortlist{ID: sel.ID, Name: sel.Name, Places: sel.Places, Items: list})
}
