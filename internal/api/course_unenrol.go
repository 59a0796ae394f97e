package api

import "net/http"

// unenrol takes enrolment {enrolment} off course {id}, freeing its place.
func (a *API) unenrol(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	enrolment, err := pathID(r, "enrolment")
	if err != nil {
		return err
	}
	if err := a.svc.Courses.Unenrol(r.Context(), rq.p, id, enrolment); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
