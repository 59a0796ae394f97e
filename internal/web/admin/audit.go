package admin

import (
	"net/http"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/web/kit"
)

// auditView is the change log: who changed which record, when, and each
// field's value before and after.
type auditView struct {
	Page
	listing
	Filter   *form
	Entities []option
	Actions  []option
	Actors   []option
	Entries  []auditRow
}

// auditRow is one change as a person reads it; the raw JSON stays at hand
// for auditors who need the record exactly as it was logged.
type auditRow struct {
	audit.Entry
	ActionName, EntityName string
	Link                   string // the record's page, "" when it has none
	Fields                 []fieldRow
	Before, After          string // indented JSON
}

// AuditLog lists the change log, filtered by record type, record, user,
// action and a range of days.
func (s *Server) AuditLog(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	f := kit.QueryForm(r, "entity", "entity_id", "actor", "action", "from", "to")
	flt := audit.Filter{Entity: f.Values["entity"], EntityID: f.Values["entity_id"], Action: f.Values["action"],
		ActorID: kit.FilterID(rq, f, "actor")}
	flt.From, flt.To = s.dayRange(rq, f)
	n, err := s.svc.Audit.ChangesCount(ctx, rq.P, flt)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	list, next, err := s.svc.Audit.Changes(ctx, rq.P, flt, pg.Store())
	if err != nil {
		return err
	}
	actors, err := s.svc.Audit.ChangeActors(ctx, rq.P)
	if err != nil {
		return err
	}
	v := auditView{Page: s.Page(r, rq, "audit.title"), listing: pg.Listing(r, next, n), Filter: f,
		Entities: wordChoices(rq.L, "audit.entity.", audit.Entities(), flt.Entity),
		Actions:  wordChoices(rq.L, "audit.action.", audit.Actions(), flt.Action),
		Actors:   actorChoices(rq.L, actors, flt.ActorID)}
	vf := s.valueFormat(ctx, rq, v.Page)
	for _, e := range list {
		v.Entries = append(v.Entries, auditRow{Entry: e,
			ActionName: word(rq.L, "audit.action.", e.Action), EntityName: word(rq.L, "audit.entity.", e.Entity),
			Link: recordLink(rq.P, e.Entity, e.EntityID), Fields: vf.rows(e.Before, e.After),
			Before: prettyJSON(e.Before), After: prettyJSON(e.After)})
	}
	s.Render(w, http.StatusOK, "audit", &v)
	return nil
}

// dayRange reads the "from" and "to" days of a log filter as instants in
// the installation's time zone: from the start of the first day to the
// end of the last.
func (s *Server) dayRange(rq *request, f *form) (from, to time.Time) {
	loc := rq.Settings.Location()
	if d := kit.FormDate(rq, f, "from"); !d.IsZero() {
		from = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
	}
	if d := kit.FormDate(rq, f, "to"); !d.IsZero() {
		to = time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, loc)
	}
	return from, to
}

// recordLink is the page of a logged record, for a principal who may open
// that kind of page ("" otherwise, or when the record has no page). The
// page itself still checks the record's scope.
func recordLink(p access.Principal, entity, id string) string {
	if id == "" {
		return ""
	}
	pages := []struct {
		entity, prefix string
		action         access.Action
	}{
		{"person", "/people/", access.ViewChild},
		{"household", "/households/", access.ViewChild},
		{"organisation", "/organisations/", access.ViewOrgs},
		{"user", "/admin/users/", access.ManageUsers},
		{"place_offer", "/places/", access.ViewChild},
		{"import_upload", "/imports/", access.EditChild},
		{"job", "/admin/jobs/", access.ViewJobs},
		{"region", "/regions?parent=", access.ViewRegions},
	}
	for _, pg := range pages {
		if pg.entity == entity && access.Allowed(p, pg.action) {
			return pg.prefix + id
		}
	}
	return ""
}
