package mentorship

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/web/kit"
)

// listFields are the filters of the list, in page order.
var listFields = []string{"status", "region", "mentor_id"}

// listView is a page of mentorships with its filters.
type listView struct {
	Page
	listing
	Rows     []mentorship.Mentorship
	Form     *form
	Statuses []option
	Mentors  []option // staff filter by mentor; none for a mentor
}

// List shows the mentorships the user sees: a coordinator's within their
// scope, filtered by status, region and mentor; a mentor's own.
func (s *Server) List(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	f := kit.QueryForm(r, listFields...)
	f.Values["region"] = kit.NormRegion(f.Values["region"])
	filter := mentorship.Filter{Status: mentorship.Status(f.Values["status"]), Region: f.Values["region"],
		MentorID: kit.FilterID(rq, f, "mentor_id")}
	pg := kit.PageOf(r)
	var rows []mentorship.Mentorship
	var next string
	if len(f.FieldErrs) == 0 {
		var err error
		rows, next, err = s.ships().List(ctx, rq.P, filter, pg)
		if err != nil && !f.Absorb(rq.L, err) {
			return err
		}
	}
	v := listView{Page: s.Page(r, rq, "mentorship.list_title"), listing: kit.NewListing(r, next), Rows: rows, Form: f,
		Statuses: kit.Choices(mentorship.Statuses(), f.Values["status"], rq.L.T("mentorship.any_status"),
			kit.Key[mentorship.Status](rq.L, "mentorship.status."))}
	if rq.P.Role != access.Mentor {
		ms, err := s.svc.Mentoring.List(ctx, rq.P, mentoring.Filter{Status: mentoring.Approved})
		if err != nil && access.Allowed(rq.P, access.ViewMentors) {
			return err
		}
		v.Mentors = []option{{Value: "", Label: rq.L.T("mentorship.any_mentor"), Selected: filter.MentorID == 0}}
		for _, m := range ms {
			v.Mentors = append(v.Mentors, option{Value: kit.Itoa(m.ID), Label: m.Name, Selected: m.ID == filter.MentorID})
		}
	}
	status := http.StatusOK
	if len(f.FieldErrs) > 0 || f.Summary != "" {
		status = http.StatusUnprocessableEntity
	}
	s.Render(w, status, "mentorships", &v)
	return nil
}
