package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/text"
)

// scoreRows is how many ability rows the assessment form offers.
const scoreRows = 4

// assessmentFields are the fields of the assessment form, in page order:
// where and how, then one ability, score and maximum per row.
var assessmentFields = func() []string {
	out := []string{"instrument", "taken_on", "org_id", "assessed_by"}
	for i := 1; i <= scoreRows; i++ {
		n := "score_" + strconv.Itoa(i) + "_"
		out = append(out, n+"ability", n+"score", n+"max")
	}
	return append(out, "recommendation")
}()

// assessmentFormView shows the assessment form alone, when a submission
// from the person's page is refused.
type assessmentFormView struct {
	Page
	Person   people.Person
	Guidance guidance
}

// assessmentRecord records an assessment of the {id} person.
func (s *Server) assessmentRecord(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	f := newForm(r, assessmentFields...)
	in := people.AssessmentInput{Instrument: f.Values["instrument"], TakenOn: formDate(rq, f, "taken_on"),
		OrgID: filterID(rq, f, "org_id"), AssessedByName: f.Values["assessed_by"], Recommendation: f.Values["recommendation"]}
	if f.Values["taken_on"] == "" {
		f.fail(rq.l, "taken_on", "error.required", "Field", rq.l.T("field.taken_on"))
	}
	for _, row := range scoreFormRows() {
		sc := people.Score{Ability: f.Values[row.Ability]}
		sc.Score = formScore(rq, f, row.Score)
		sc.Max = formScore(rq, f, row.Max)
		in.Scores = append(in.Scores, sc)
	}
	if len(f.errors) == 0 {
		_, err := s.svc.People.RecordAssessment(r.Context(), rq.p, id, in)
		if err == nil {
			s.flash(r, "assessments.recorded")
			return seeOther(w, r, personURL(id)+"#assessments")
		}
		if !f.absorb(rq.l, err) {
			return err
		}
	}
	p, err := s.viewedPerson(r, rq)
	if err != nil {
		return err
	}
	v := assessmentFormView{Page: s.page(r, rq, "assessments.record"), Person: p}
	v.Path = personURL(p.ID)
	if v.Guidance, err = s.guidanceOf(r.Context(), rq, p, true, f); err != nil {
		return err
	}
	s.render(w, http.StatusUnprocessableEntity, "assessment_new", &v)
	return nil
}

// formScore reads a score typed in any digits, with a decimal point or
// comma; an empty field is 0.
func formScore(rq *request, f *form, field string) float64 {
	v := strings.ReplaceAll(text.NormalizeDigits(f.Values[field]), ",", ".")
	if v == "" {
		return 0
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil {
		f.fail(rq.l, field, "error.not_a_score")
		return 0
	}
	return n
}
