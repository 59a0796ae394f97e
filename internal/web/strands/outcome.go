package strands

import (
	"net/http"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/outcomes"
	"github.com/jolproject/jol/internal/web/kit"
)

// outcomeView is a young person's outcome: who they are, what they took
// part in, the current outcome and its history, and the form that
// records a new one.
type outcomeView struct {
	Page
	Record    outcomes.Record
	Region    string
	Codes     []option
	CanRecord bool
	Form      *form
}

var outcomeFields = []string{"outcome", "outcome_on", "note"}

// Outcome shows the outcome of young person {id}; opening it writes the
// access log.
func (s *Server) Outcome(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, outcomeFields...)
	f.Values["outcome_on"] = s.Today(rq).Format(time.DateOnly)
	return s.renderOutcome(w, r, rq, f, http.StatusOK)
}

func (s *Server) renderOutcome(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	rec, err := s.svc.Outcomes.Get(ctx, rq.P, id, "web")
	if err != nil {
		return err
	}
	v := outcomeView{Page: s.Page(r, rq, "outcomes.title"), Record: rec, Form: f,
		CanRecord: access.Can(rq.P, access.RecordOutcomes, rec.Youth.Target()) == nil,
		Region:    s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))(rec.Youth.RegionCode)}
	v.Title = rec.Youth.Name
	v.Codes = kit.Choices(outcomes.Codes(), f.Values["outcome"], "", kit.Key[outcomes.Code](rq.L, "outcome."))
	s.Render(w, status, "outcome", &v)
	return nil
}

// SetOutcome records the outcome the form gives for young person {id}.
func (s *Server) SetOutcome(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, outcomeFields...)
	in := outcomes.Input{Code: outcomes.Code(f.Values["outcome"]), On: kit.FormDate(rq, f, "outcome_on"), Note: f.Values["note"]}
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Outcomes.Set(r.Context(), rq.P, id, in)
		if err == nil {
			s.Flash(r, "outcomes.saved")
			return kit.SeeOther(w, r, "/outcomes/"+kit.Itoa(id))
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderOutcome(w, r, rq, f, http.StatusUnprocessableEntity)
}
