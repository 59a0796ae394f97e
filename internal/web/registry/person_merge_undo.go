package registry

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/web/kit"
)

// MergeUndo undoes merge {merge} of the {id} person. Only an administrator
// may; the service checks that too, and that a merge is undone once.
func (s *Server) MergeUndo(w http.ResponseWriter, r *http.Request, rq *request) error {
	if rq.P.Role != access.Admin {
		return errs.New(errs.Forbidden, "error.forbidden")
	}
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	mergeID, err := strconv.ParseInt(r.PathValue("merge"), 10, 64)
	if err != nil || mergeID <= 0 {
		return kit.ErrNotFound
	}
	ms, err := s.svc.People.Merges(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	found := false
	for _, m := range ms {
		found = found || m.ID == mergeID
	}
	if !found {
		return kit.ErrNotFound
	}
	if err := s.svc.People.Unmerge(r.Context(), rq.P, mergeID); err != nil {
		return err
	}
	s.Flash(r, "people.merge_undone")
	return kit.SeeOther(w, r, personURL(id)+"#merges")
}
