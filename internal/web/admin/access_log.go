package admin

import (
	"context"
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/web/kit"
)

// accessView is the access log: who opened which child's record.
type accessView struct {
	Page
	listing
	Filter   *form
	Kinds    []option
	Users    []option
	Accesses []accessRow
}

// accessRow is one opening of a record as a person reads it. Subject is
// the child's or household's name, only for a reader who may see that
// record; Link is its page.
type accessRow struct {
	audit.Access
	KindName, ViaName string
	Subject, Link     string
	Named             bool // the subject is a record the log names by its id
}

// AccessLog lists the access log, filtered by the kind of record opened,
// the record, the user who opened it and a range of days.
func (s *Server) AccessLog(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	f := kit.QueryForm(r, "subject_kind", "subject_id", "user", "from", "to")
	flt := audit.AccessFilter{SubjectKind: f.Values["subject_kind"], SubjectID: f.Values["subject_id"],
		UserID: kit.FilterID(rq, f, "user")}
	flt.From, flt.To = s.dayRange(rq, f)
	n, err := s.svc.Audit.AccessesCount(ctx, rq.P, flt)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	list, next, err := s.svc.Audit.Accesses(ctx, rq.P, flt, pg.Store())
	if err != nil {
		return err
	}
	users, err := s.svc.Audit.AccessUsers(ctx, rq.P)
	if err != nil {
		return err
	}
	names, err := s.subjectNames(ctx, rq, list)
	if err != nil {
		return err
	}
	v := accessView{Page: s.Page(r, rq, "accesslog.title"), listing: pg.Listing(r, next, n), Filter: f,
		Kinds: wordChoices(rq.L, "accesslog.kind.", audit.SubjectKinds(), flt.SubjectKind),
		Users: actorChoices(rq.L, users, flt.UserID)}
	for _, a := range list {
		row := accessRow{Access: a, KindName: word(rq.L, "accesslog.kind.", a.SubjectKind),
			ViaName: word(rq.L, "accesslog.via.", a.Via), Subject: a.SubjectID}
		if prefix, ok := subjectPage(a.SubjectKind); ok {
			row.Named, row.Subject = true, ""
			if n, ok := names[a.SubjectKind][a.SubjectID]; ok {
				row.Subject, row.Link = n, prefix+a.SubjectID
			}
		} else if a.SubjectKind == "import_upload" && access.Allowed(rq.P, access.EditChild) {
			// An imported file's page checks its scope itself.
			row.Link = "/imports/" + a.SubjectID
		}
		v.Accesses = append(v.Accesses, row)
	}
	s.Render(w, http.StatusOK, "access_log", &v)
	return nil
}

// subjectNames looks up the names of the people and households a page of
// the access log opened, one query for each kind, through the people
// service: it leaves out every record outside the reader's scope, whose
// name the log must not tell them.
func (s *Server) subjectNames(ctx context.Context, rq *request, list []audit.Access) (map[string]map[string]string, error) {
	ids := map[string][]int64{}
	for _, a := range list {
		if _, ok := subjectPage(a.SubjectKind); ok {
			if id, err := strconv.ParseInt(a.SubjectID, 10, 64); err == nil {
				ids[a.SubjectKind] = append(ids[a.SubjectKind], id)
			}
		}
	}
	out := map[string]map[string]string{}
	for kind, look := range map[string]func(context.Context, access.Principal, []int64) (map[int64]string, error){
		audit.KindPerson: s.svc.People.PersonNames, audit.KindHousehold: s.svc.People.HouseholdHeadNames} {
		if len(ids[kind]) == 0 {
			continue
		}
		found, err := look(ctx, rq.P, ids[kind])
		if err != nil {
			return nil, err
		}
		out[kind] = map[string]string{}
		for id, n := range found {
			out[kind][strconv.FormatInt(id, 10)] = n
		}
	}
	return out, nil
}

// subjectPage is the page of a kind of record the access log names by its
// id: a person's or a household's.
func subjectPage(kind string) (prefix string, ok bool) {
	switch kind {
	case audit.KindPerson:
		return "/people/", true
	case audit.KindHousehold:
		return "/households/", true
	}
	return "", false
}
