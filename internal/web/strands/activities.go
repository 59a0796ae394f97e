package strands

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/strands"
	"github.com/jolproject/jol/internal/web/kit"
)

// activitiesView lists the activities of the reader's scope by strand and
// region, with the three strands summed up.
type activitiesView struct {
	Page
	kit.Listing
	Filter     *form
	Strands    []option
	Counts     []strands.StrandCount
	Activities []strands.Activity
	Region     func(code string) string
	CanManage  bool
}

// Activities lists the activities, newest first, filtered by ?strand=
// and ?region= (a region code: its subtree).
func (s *Server) Activities(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	f := kit.QueryForm(r, "strand", "region")
	flt := strands.Filter{Strand: strands.Strand(f.Values["strand"])}
	if code := kit.NormRegion(f.Values["region"]); code != "" {
		reg, err := s.svc.Geo.Get(ctx, rq.P, code)
		if err != nil {
			f.Fail(rq.L, "region", "error.unknown_region", "Code", code)
		} else {
			flt.RegionPath = reg.Path
		}
	}
	v := activitiesView{Page: s.Page(r, rq, "strands.title"), Filter: f, CanManage: access.Allowed(rq.P, access.ManageStrands),
		Region: s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))}
	v.Strands = kit.Choices(strands.ActivityStrands(), f.Values["strand"], rq.L.T("strands.all"), kit.Key[strands.Strand](rq.L, "strand."))
	var err error
	if v.Counts, err = s.svc.Strands.Counts(ctx, rq.P); err != nil {
		return err
	}
	if len(f.FieldErrs) == 0 {
		n, err := s.svc.Strands.CountActivities(ctx, rq.P, flt)
		if err != nil {
			return err
		}
		pg := kit.PagingOf(r).Fit(n)
		list, next, err := s.svc.Strands.Activities(ctx, rq.P, flt, pg.Store())
		if err != nil {
			return err
		}
		v.Activities, v.Listing = list, pg.Listing(r, next, n)
	}
	s.Render(w, http.StatusOK, "activities", &v)
	return nil
}

// activityFields are the fields of the form that adds an activity.
var activityFields = []string{"name", "strand", "description", "org_id", "region_code", "starts_on", "ends_on",
	"capacity", "min_age", "max_age", "local_only"}

// newView is the form that adds an activity.
type newView struct {
	Page
	Form    *form
	Strands []option
	Orgs    []option
	Regions []option
}

// NewActivity shows the form that adds an activity, of the user's own
// organisation and region by default.
func (s *Server) NewActivity(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, activityFields...)
	if rq.P.OrgID != 0 {
		f.Values["org_id"] = kit.Itoa(rq.P.OrgID)
	}
	return s.renderNew(w, r, rq, f, http.StatusOK)
}

func (s *Server) renderNew(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	v := newView{Page: s.Page(r, rq, "strands.new"), Form: f}
	v.Strands = kit.Choices(strands.ActivityStrands(), f.Values["strand"], "", kit.Key[strands.Strand](rq.L, "strand."))
	var err error
	if v.Orgs, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, f.Values["org_id"], "", 0); err != nil {
		return err
	}
	if v.Regions, err = kit.RegionSuggestions(ctx, s.svc.Geo, s.svc.Orgs, rq); err != nil {
		return err
	}
	s.Render(w, status, "activity_new", &v)
	return nil
}

// CreateActivity adds the activity the form describes and shows it.
func (s *Server) CreateActivity(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, activityFields...)
	in := strands.Input{Name: f.Values["name"], Strand: strands.Strand(f.Values["strand"]),
		Description: f.Values["description"], RegionCode: f.Values["region_code"],
		StartsOn: kit.FormDate(rq, f, "starts_on"), EndsOn: kit.FormDate(rq, f, "ends_on"),
		LocalOnly: f.Values["local_only"] != ""}
	in.OrgID, _ = kit.FormID(f.Values["org_id"])
	in.Capacity = kit.Count(rq, f, "capacity")
	in.MinAge, in.MaxAge = kit.Count(rq, f, "min_age"), kit.Count(rq, f, "max_age")
	if len(f.FieldErrs) == 0 {
		a, err := s.svc.Strands.Create(r.Context(), rq.P, in)
		if err == nil {
			s.Flash(r, "strands.saved")
			return kit.SeeOther(w, r, "/activities/"+kit.Itoa(a.ID))
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderNew(w, r, rq, f, http.StatusUnprocessableEntity)
}
