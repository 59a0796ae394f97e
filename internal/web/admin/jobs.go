package admin

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/web/kit"
)

// jobStatuses are the statuses a job moves through, in that order.
var jobStatuses = []string{jobs.Queued, jobs.Running, jobs.Done, jobs.Failed}

// jobsView lists background jobs.
type jobsView struct {
	Page
	listing
	Filter   *form
	Statuses []option
	Jobs     []jobs.Job
}

// jobView is one job with everything it recorded.
type jobView struct {
	Page
	Job      jobs.Job
	Payload  string
	CanRetry bool
}

// JobList lists jobs newest first, filtered by status and kind.
func (s *Server) JobList(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.QueryForm(r, "status", "kind")
	status := f.Values["status"]
	if status != "" && !slices.Contains(jobStatuses, status) {
		f.Fail(rq.L, "status", "error.invalid_choice")
		status = ""
	}
	flt := jobs.Filter{Status: status, Kind: f.Values["kind"]}
	n, err := s.svc.Jobs.ListCount(r.Context(), rq.P, flt)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	list, next, err := s.svc.Jobs.List(r.Context(), rq.P, flt, pg.Store())
	if err != nil {
		return err
	}
	v := jobsView{Page: s.Page(r, rq, "jobs.title"), listing: pg.Listing(r, next, n), Filter: f, Jobs: list,
		Statuses: kit.Choices(jobStatuses, status, rq.L.T("common.all"), kit.Key[string](rq.L, "jobstatus."))}
	s.Render(w, http.StatusOK, "jobs", &v)
	return nil
}

// Job shows one job: its payload, progress, result and last error.
func (s *Server) Job(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	j, err := s.svc.Jobs.Get(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	v := jobView{Page: s.Page(r, rq, "jobs.title"), Job: j, Payload: prettyJSON(string(j.Payload)), CanRetry: j.Status == jobs.Failed}
	v.Title = rq.L.T("jobs.job", "ID", j.ID)
	s.Render(w, http.StatusOK, "job", &v)
	return nil
}

// JobRetry queues a failed job again and returns to its page.
func (s *Server) JobRetry(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	if err := s.svc.Jobs.Retry(r.Context(), rq.P, id); err != nil {
		return err
	}
	s.Flash(r, "jobs.requeued")
	http.Redirect(w, r, "/admin/jobs/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}
