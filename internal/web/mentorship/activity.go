package mentorship

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/web/kit"
)

// activityView is the mentors' activity over a period.
type activityView struct {
	Page
	Form     *form
	Activity mentorship.Activity
	Region   func(code string) string
}

// Activity reports the sessions and hours per mentor and per region over
// the period of ?from and ?to: by default the month to today.
func (s *Server) Activity(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.QueryForm(r, "from", "to")
	today := s.Today(rq)
	if f.Values["to"] == "" {
		f.Values["to"] = today.Format(time.DateOnly)
	}
	if f.Values["from"] == "" {
		f.Values["from"] = today.AddDate(0, -1, 1).Format(time.DateOnly)
	}
	from, to := kit.FormDate(rq, f, "from"), kit.FormDate(rq, f, "to")
	v := activityView{Page: s.Page(r, rq, "mentorship.activity_title"), Form: f,
		Region: s.RegionNamer(r.Context(), s.svc.Geo, string(rq.L.Locale()))}
	status := http.StatusOK
	if len(f.FieldErrs) == 0 {
		a, err := s.ships().Activity(r.Context(), rq.P, from, to)
		if err != nil && !f.Absorb(rq.L, err) {
			return err
		}
		v.Activity = a
	}
	if len(f.FieldErrs) > 0 || f.Summary != "" {
		status = http.StatusUnprocessableEntity
	}
	s.Render(w, status, "activity", &v)
	return nil
}

// Hours shows minutes as hours to one decimal place, in the page's digits.
func (v *activityView) Hours(minutes int) string {
	return v.L.Digits(strconv.FormatFloat(mentorship.Hours(minutes), 'f', 1, 64))
}
