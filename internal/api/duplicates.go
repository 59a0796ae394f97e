package api

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/dedupe"
	"github.com/jolproject/jol/internal/people"
)

// listDuplicates is a page of the duplicate queue of the caller's scope,
// best first.
func (a *API) listDuplicates(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	limit, _ := strconv.Atoi(q.Get("limit"))
	rows, next, err := a.svc.Dedupe.Queue(r.Context(), rq.p, dedupe.Page{Cursor: q.Get("cursor"), Limit: limit})
	if err != nil {
		return err
	}
	return writeList(w, rows, next)
}

// getDuplicate is a pair with both records whole and how each compared
// field agrees; both reads are written to the access log.
func (a *API) getDuplicate(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rv, err := a.svc.Dedupe.Open(r.Context(), rq.p, id, people.ViaAPI)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, rv)
}

// mergeInput is the body of POST /duplicates/{id}/merge.
type mergeInput struct {
	KeepID int64 `json:"keep_id"`
}

// mergeDuplicate merges a pair through the registry's merge.
func (a *API) mergeDuplicate(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in mergeInput
	if err := decode(r, &in); err != nil {
		return err
	}
	m, err := a.svc.Dedupe.Merge(r.Context(), rq.p, id, in.KeepID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, m)
}

// markDistinct records that a pair is two different people.
func (a *API) markDistinct(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := a.svc.Dedupe.Distinct(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, p)
}

// scanDuplicates queues a scan of the registry and answers 202 with the
// job to follow.
func (a *API) scanDuplicates(w http.ResponseWriter, r *http.Request, rq *request) error {
	job, err := a.svc.Dedupe.Ask(r.Context(), rq.p)
	if err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/jobs/"+strconv.FormatInt(job, 10))
	return writeJSON(w, http.StatusAccepted, jsonType, map[string]any{"job_id": job})
}
