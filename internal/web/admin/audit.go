package admin

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/web/kit"
)

// auditView is the change log: who changed what, with the record before
// and after.
type auditView struct {
	Page
	listing
	Filter  *form
	Entries []auditRow
}

type auditRow struct {
	audit.Entry
	Before, After string // indented JSON
}

// accessView is the access log: who opened which child's record.
type accessView struct {
	Page
	listing
	Filter   *form
	Accesses []audit.Access
}

// AuditLog lists the change log, filtered by entity, entity id, actor and
// action. The records are shown as JSON text, escaped like any other text.
func (s *Server) AuditLog(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.QueryForm(r, "entity", "entity_id", "actor", "action")
	flt := audit.Filter{Entity: f.Values["entity"], EntityID: f.Values["entity_id"], Action: f.Values["action"],
		ActorID: kit.FilterID(rq, f, "actor")}
	list, next, err := s.svc.Audit.Changes(r.Context(), rq.P, flt, kit.PageOf(r))
	if err != nil {
		return err
	}
	v := auditView{Page: s.Page(r, rq, "audit.title"), listing: kit.NewListing(r, next), Filter: f}
	for _, e := range list {
		v.Entries = append(v.Entries, auditRow{Entry: e, Before: prettyJSON(e.Before), After: prettyJSON(e.After)})
	}
	s.render(w, http.StatusOK, "audit", &v)
	return nil
}

// AccessLog lists the access log, filtered by the kind and id of the
// record opened and by the user who opened it.
func (s *Server) AccessLog(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.QueryForm(r, "subject_kind", "subject_id", "user")
	flt := audit.AccessFilter{SubjectKind: f.Values["subject_kind"], SubjectID: f.Values["subject_id"],
		UserID: kit.FilterID(rq, f, "user")}
	list, next, err := s.svc.Audit.Accesses(r.Context(), rq.P, flt, kit.PageOf(r))
	if err != nil {
		return err
	}
	v := accessView{Page: s.Page(r, rq, "accesslog.title"), listing: kit.NewListing(r, next), Filter: f, Accesses: list}
	s.render(w, http.StatusOK, "access_log", &v)
	return nil
}

// prettyJSON indents a JSON document for reading, with "<", ">" and "&"
// written as themselves rather than escaped (the page escapes them);
// anything that is not JSON comes back as it is.
func prettyJSON(s string) string {
	if s == "" {
		return ""
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return s
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return s
	}
	return strings.TrimSuffix(buf.String(), "\n")
}
