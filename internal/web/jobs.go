package web

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/jolproject/jol/internal/jobs"
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

// jobList lists jobs newest first, filtered by status and kind.
func (s *Server) jobList(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := queryForm(r, "status", "kind")
	status := f.Values["status"]
	if status != "" && !slices.Contains(jobStatuses, status) {
		f.fail(rq.l, "status", "error.invalid", "Field", rq.l.T("field.status"))
		status = ""
	}
	list, next, err := s.svc.Jobs.List(r.Context(), rq.p, jobs.Filter{Status: status, Kind: f.Values["kind"]}, pageOf(r))
	if err != nil {
		return err
	}
	v := jobsView{Page: s.page(r, rq, "jobs.title"), listing: newListing(r, next), Filter: f, Jobs: list,
		Statuses: choices(jobStatuses, status, rq.l.T("common.all"), key[string](rq.l, "jobstatus."))}
	s.render(w, http.StatusOK, "jobs", &v)
	return nil
}

// job shows one job: its payload, progress, result and last error.
func (s *Server) job(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	j, err := s.svc.Jobs.Get(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	v := jobView{Page: s.page(r, rq, "jobs.title"), Job: j, Payload: prettyJSON(string(j.Payload)), CanRetry: j.Status == jobs.Failed}
	v.Title = rq.l.T("jobs.job", "ID", j.ID)
	s.render(w, http.StatusOK, "job", &v)
	return nil
}

// jobRetry queues a failed job again and returns to its page.
func (s *Server) jobRetry(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := s.svc.Jobs.Retry(r.Context(), rq.p, id); err != nil {
		return err
	}
	s.flash(r, "jobs.requeued")
	http.Redirect(w, r, "/admin/jobs/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}
