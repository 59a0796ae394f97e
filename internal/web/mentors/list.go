package mentors

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/web/kit"
)

// filterFields are the list's filters, as its query names them.
var filterFields = []string{"status", "field", "region", "background", "school", "vetting"}

// listView is a page of the mentors of the coordinator's scope with the
// filters that narrowed it.
type listView struct {
	Page
	kit.Listing
	Form        *form
	Rows        []mentoring.Mentor
	FieldNames  map[string]string
	Statuses    []kit.Option
	Fields      []kit.Option
	Backgrounds []kit.Option
	Schools     []kit.Option
	Vettings    []kit.Option
	CanManage   bool
	CanFields   bool
	CanImport   bool
}

// List shows a page of mentors, the newest first, narrowed by the filters;
// a filter not understood is shown beside its field over an empty list.
func (s *Server) List(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	f := kit.QueryForm(r, filterFields...)
	lf := mentoring.ListFilter{Status: mentoring.Status(f.Values["status"]), Field: f.Values["field"],
		RegionCode: kit.NormRegion(f.Values["region"]), Background: mentoring.Background(f.Values["background"]),
		School: f.Values["school"], Vetting: f.Values["vetting"]}
	v := listView{Page: s.Page(r, rq, "nav.mentors"), Form: f, FieldNames: map[string]string{},
		CanManage: access.Allowed(rq.P, access.ManageMentors), CanFields: access.Allowed(rq.P, access.ManageMentorFields),
		CanImport: access.Allowed(rq.P, access.EditChild) && access.Allowed(rq.P, access.ManageMentors)}
	pg := kit.PagingOf(r)
	count, err := s.svc.Mentoring.PageCount(ctx, rq.P, lf)
	if err == nil {
		pg = pg.Fit(count)
		var next string
		v.Rows, next, err = s.svc.Mentoring.Page(ctx, rq.P, lf, pg.Store())
		v.Listing = pg.Listing(r, next, count).Of("mentors.total", "mentors.more_than")
	}
	status := http.StatusOK
	if err != nil {
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
		status = http.StatusUnprocessableEntity
	}
	loc := string(rq.L.Locale())
	fields, err := s.svc.Mentoring.Fields(ctx)
	if err != nil {
		return err
	}
	v.Fields = []kit.Option{{Label: rq.L.T("mentors.any")}}
	for _, fd := range fields {
		v.FieldNames[fd.Code] = fd.Name(loc)
		v.Fields = append(v.Fields, kit.Option{Value: fd.Code, Label: fd.Name(loc), Selected: fd.Code == lf.Field})
	}
	anyOpt := rq.L.T("mentors.any")
	v.Statuses = kit.Choices([]mentoring.Status{mentoring.Applied, mentoring.Approved, mentoring.Rejected},
		f.Values["status"], anyOpt, kit.Key[mentoring.Status](rq.L, "mentoring.status."))
	v.Backgrounds = kit.Choices(mentoring.Backgrounds(), f.Values["background"], anyOpt,
		kit.Key[mentoring.Background](rq.L, "mentoring.background."))
	v.Schools = kit.Choices([]string{mentoring.SchoolFinished, mentoring.SchoolNotFinished}, f.Values["school"], anyOpt,
		kit.Key[string](rq.L, "mentors.school_filter."))
	v.Vettings = kit.Choices([]string{mentoring.VettingValid, mentoring.VettingNone}, f.Values["vetting"], anyOpt,
		kit.Key[string](rq.L, "mentors.vetting_filter."))
	s.Render(w, status, "mentors", &v)
	return nil
}
