package volunteering

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/web/kit"
)

// WithdrawHours takes back hours the volunteer logged while they wait for
// a coordinator; hours decided meanwhile are refused on the page.
func (s *Server) WithdrawHours(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "version")
	version, _ := strconv.Atoi(f.Values["version"])
	if err := s.svc.Volunteers.WithdrawHours(r.Context(), rq.P, id, version); err != nil {
		if e := errs.As(err); e != nil && e.Code == errs.Conflict {
			f := kit.NewForm(nil, hoursFields...)
			f.Fail(rq.L, "", e.Key, e.Args...)
			return s.renderMine(w, r, rq, f, http.StatusConflict)
		}
		return err
	}
	s.Flash(r, "volunteering.hours_withdrawn")
	return kit.SeeOther(w, r, "/my/volunteering")
}
