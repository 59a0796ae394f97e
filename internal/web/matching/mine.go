package matching

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/web/kit"
)

// mineView is a mentor's proposals with the reply forms; Form holds a
// refused reply's input and errors, for proposal Failed.
type mineView struct {
	Page
	Proposals []row
	Form      *form
	Failed    int64
}

// Mine lists the signed-in mentor's proposals.
func (s *Server) Mine(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderMine(w, r, rq, kit.NewForm(nil, "reason"), 0, http.StatusOK)
}

func (s *Server) renderMine(w http.ResponseWriter, r *http.Request, rq *request, f *form, failed int64, status int) error {
	ps, err := s.svc.Matching.Mine(r.Context(), rq.P)
	if err != nil {
		return err
	}
	v := mineView{Page: s.Page(r, rq, "matching.mine_title"), Proposals: rows(rq.L, ps), Form: f, Failed: failed}
	s.Render(w, status, "matching_mine", &v)
	return nil
}

// Accept accepts proposal {id}.
func (s *Server) Accept(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.reply(w, r, rq, true)
}

// Decline declines proposal {id} with the reason given.
func (s *Server) Decline(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.reply(w, r, rq, false)
}

func (s *Server) reply(w http.ResponseWriter, r *http.Request, rq *request, accept bool) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "reason", "version")
	version, _ := strconv.Atoi(f.Values["version"])
	if accept {
		_, err = s.svc.Matching.Accept(r.Context(), rq.P, id, version)
	} else {
		_, err = s.svc.Matching.Decline(r.Context(), rq.P, id, version, f.Values["reason"])
	}
	if e := errs.As(err); e != nil && (e.Code == errs.Invalid || e.Code == errs.Conflict) && f.Absorb(rq.L, err) {
		return s.renderMine(w, r, rq, f, id, http.StatusUnprocessableEntity)
	} else if err != nil {
		return err
	}
	key := "matching.declined"
	if accept {
		key = "matching.accepted"
	}
	s.Flash(r, key)
	return kit.SeeOther(w, r, "/my-proposals")
}
