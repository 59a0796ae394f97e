package api

import "net/http"

// withdrawHours takes back hours the caller logged while they wait for a
// decision (the body's "version").
func (a *API) withdrawHours(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in versionInput
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := a.svc.Volunteers.WithdrawHours(r.Context(), rq.p, id, in.Version); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
