package web

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
)

// mergeUndo undoes merge {merge} of the {id} person. Only an administrator
// may; the service checks that too, and that a merge is undone once.
func (s *Server) mergeUndo(w http.ResponseWriter, r *http.Request, rq *request) error {
	if rq.p.Role != access.Admin {
		return errs.New(errs.Forbidden, "error.forbidden")
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	mergeID, err := strconv.ParseInt(r.PathValue("merge"), 10, 64)
	if err != nil || mergeID <= 0 {
		return errNotFound
	}
	ms, err := s.svc.People.Merges(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	found := false
	for _, m := range ms {
		found = found || m.ID == mergeID
	}
	if !found {
		return errNotFound
	}
	if err := s.svc.People.Unmerge(r.Context(), rq.p, mergeID); err != nil {
		return err
	}
	s.flash(r, "people.merge_undone")
	return seeOther(w, r, personURL(id)+"#merges")
}
