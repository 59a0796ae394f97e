package api

import (
	"net/http"

	"github.com/jolproject/jol/internal/jobs"
)

// listJobs lists background jobs newest first, narrowed by ?status= and
// ?kind=.
func (a *API) listJobs(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	out, next, err := a.svc.Jobs.List(r.Context(), rq.p, jobs.Filter{Status: q.Get("status"), Kind: q.Get("kind")}, page(r))
	if err != nil {
		return err
	}
	return writeList(w, out, next)
}

func (a *API) getJob(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	j, err := a.svc.Jobs.Get(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, j)
}

// retryJob queues a failed job again and answers with the job as it is
// now; a job that has not failed is a conflict.
func (a *API) retryJob(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := a.svc.Jobs.Retry(r.Context(), rq.p, id); err != nil {
		return err
	}
	return a.getJob(w, r, rq)
}
