package volunteering

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/web/kit"
)

// Unenrol takes a child off the {id} course, freeing the place; a child
// whose attendance was recorded stays, and the page says why.
func (s *Server) Unenrol(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	enrolment, err := strconv.ParseInt(r.PathValue("enrolment"), 10, 64)
	if err != nil || enrolment <= 0 {
		return errs.ErrNotFound
	}
	if err := s.svc.Courses.Unenrol(r.Context(), rq.P, id, enrolment); err != nil {
		if e := errs.As(err); e != nil && e.Code == errs.Conflict {
			f := kit.NewForm(nil, "held_on", "topic", "person_id")
			f.Fail(rq.L, "", e.Key, e.Args...)
			return s.renderCourse(w, r, rq, f, http.StatusConflict)
		}
		return err
	}
	s.Flash(r, "volunteering.unenrolled")
	return kit.SeeOther(w, r, "/courses/"+kit.Itoa(id))
}
