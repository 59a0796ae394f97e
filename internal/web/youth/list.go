package youth

import (
	"net/http"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/web/kit"
	"github.com/jolproject/jol/internal/youth"
)

// listFields are the list's filters.
var listFields = []string{"age_group", "region", "status", "field", "org", "consent"}

// listView is a page of the young people in the reader's scope.
type listView struct {
	Page
	kit.Listing
	Form      *form
	Youth     []youth.Youth
	AgeGroups []kit.Option
	Statuses  []kit.Option
	Fields    []kit.Option
	Region    func(code string) string
	Field     func(code string) string
	// RegisterURL is the public form of the reader's organisation.
	RegisterURL string
	// Today marks the minors of today, whose consent a match needs,
	// whatever their age group on the day they registered.
	Today time.Time
}

// List lists the young people of the reader's scope, newest first,
// filtered by age group, region, status, field, branch and a missing
// consent.
func (s *Server) List(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	f := kit.QueryForm(r, listFields...)
	flt := youth.Filter{AgeGroup: youth.AgeGroup(f.Values["age_group"]), Region: f.Values["region"],
		Status: youth.Status(f.Values["status"]), Field: f.Values["field"], OrgID: kit.FilterID(rq, f, "org"),
		NoConsent: f.Values["consent"] == "missing"}
	loc := string(rq.L.Locale())
	v := listView{Page: s.Page(r, rq, "youth.list_title"), Form: f, Region: s.RegionNamer(ctx, s.svc.Geo, loc),
		Today: s.Now().UTC()}
	var err error
	if v.Field, err = s.fieldNamer(ctx, loc); err != nil {
		return err
	}
	if len(f.FieldErrs) == 0 {
		var next string
		v.Youth, next, err = s.svc.Youth.List(ctx, rq.P, flt, kit.PageOf(r))
		if err != nil && !f.Absorb(rq.L, err) {
			return err
		}
		v.Listing = kit.NewListing(r, next)
	}
	all := rq.L.T("common.all")
	v.AgeGroups = kit.Choices(youth.AgeGroups(), f.Values["age_group"], all, func(g youth.AgeGroup) string { return string(g) })
	v.Statuses = kit.Choices(youth.Statuses(), f.Values["status"], all, kit.Key[youth.Status](rq.L, "youth.status."))
	fields, err := s.svc.Mentoring.Fields(ctx)
	if err != nil {
		return err
	}
	v.Fields = []kit.Option{{Label: all}}
	for _, fd := range fields {
		v.Fields = append(v.Fields, kit.Option{Value: fd.Code, Label: fd.Name(loc), Selected: fd.Code == f.Values["field"]})
	}
	if access.Allowed(rq.P, access.RegisterYouth) && rq.P.OrgID != 0 {
		v.RegisterURL = "/y/register/" + kit.Itoa(rq.P.OrgID)
	}
	s.Render(w, http.StatusOK, "youth_list", &v)
	return nil
}
