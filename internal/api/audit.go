package api

import (
	"encoding/json"
	"net/http"

	"github.com/jolproject/jol/internal/audit"
)

// listChanges lists the change log newest first, narrowed by ?entity=,
// ?entity_id=, ?actor_id= and ?action=; the service limits the rows to
// the caller's scope.
func (a *API) listChanges(w http.ResponseWriter, r *http.Request, rq *request) error {
	actor, err := queryID(r, "actor_id")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f := audit.Filter{Entity: q.Get("entity"), EntityID: q.Get("entity_id"), ActorID: actor, Action: q.Get("action")}
	out, next, err := a.svc.Audit.Changes(r.Context(), rq.p, f, page(r))
	if err != nil {
		return err
	}
	items := make([]change, len(out))
	for i, e := range out {
		items[i] = change{Entry: e, Before: rawJSON(e.Before), After: rawJSON(e.After)}
	}
	return writeList(w, items, next)
}

// change is a change-log entry with the record before and after as JSON
// values rather than strings holding JSON.
type change struct {
	audit.Entry
	Before json.RawMessage `json:"before,omitempty"`
	After  json.RawMessage `json:"after,omitempty"`
}

// rawJSON passes a stored JSON document through as it is, and anything
// else as a JSON string.
func rawJSON(s string) json.RawMessage {
	if s == "" || json.Valid([]byte(s)) {
		return json.RawMessage(s)
	}
	b, _ := json.Marshal(s)
	return b
}

// listAccesses lists who opened which child's or young person's record,
// newest first, narrowed by ?subject_kind=, ?subject_id= and ?user_id=.
func (a *API) listAccesses(w http.ResponseWriter, r *http.Request, rq *request) error {
	user, err := queryID(r, "user_id")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f := audit.AccessFilter{SubjectKind: q.Get("subject_kind"), SubjectID: q.Get("subject_id"), UserID: user}
	out, next, err := a.svc.Audit.Accesses(r.Context(), rq.p, f, page(r))
	if err != nil {
		return err
	}
	return writeList(w, out, next)
}
