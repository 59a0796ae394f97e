package api

import "net/http"

// updateNeed changes need {id}, read at the body's version.
func (a *API) updateNeed(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body needInput
	if err := decode(r, &body); err != nil {
		return err
	}
	in, err := body.input()
	if err != nil {
		return err
	}
	n, err := a.svc.Volunteers.UpdateNeed(r.Context(), rq.p, id, body.Version, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, n)
}
