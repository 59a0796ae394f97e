package selection

import (
	"net/http"

	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/web/kit"
)

// macroView is the table of macro-regions and the form that changes a
// row.
type macroView struct {
	Page
	Rows   []selection.MacroRegion
	Macros []selection.Macro
	Form   *form
}

// Macros shows the table of macro-regions.
func (s *Server) Macros(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderMacros(w, r, rq, kit.NewForm(nil, "region", "macro"), http.StatusOK)
}

func (s *Server) renderMacros(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	rows, err := s.svc.Selection.MacroRegions(r.Context(), rq.P)
	if err != nil {
		return err
	}
	v := macroView{Page: s.Page(r, rq, "selection.macro_regions"), Rows: rows, Macros: selection.Macros(), Form: f}
	s.Render(w, status, "macro_regions", &v)
	return nil
}

// SetMacro maps a top-level region to a macro-region, or out of the
// table.
func (s *Server) SetMacro(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, "region", "macro")
	err := s.svc.Selection.SetMacro(r.Context(), rq.P, f.Values["region"], selection.Macro(f.Values["macro"]))
	if f.AbsorbInput(rq.L, err) {
		return s.renderMacros(w, r, rq, f, http.StatusUnprocessableEntity)
	} else if err != nil {
		return err
	}
	s.Flash(r, "selection.macro_saved")
	return kit.SeeOther(w, r, "/admin/macro-regions")
}

// shortlistView is the public shortlist.
type shortlistView struct {
	Page
	Sel  selection.Selection
	List []selection.Listed
}

// Shortlist shows published selection {id}'s shortlist to anyone: a
// young person's name only with their consent.
func (s *Server) Shortlist(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	sel, list, err := s.svc.Selection.Shortlist(r.Context(), id)
	if err != nil {
		return err
	}
	v := shortlistView{Page: s.Page(r, rq, "selection.shortlist_title"), Sel: sel, List: list}
	v.Title = sel.Name
	s.Render(w, http.StatusOK, "shortlist", &v)
	return nil
}
