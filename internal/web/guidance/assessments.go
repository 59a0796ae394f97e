package guidance

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/guidance"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/web/kit"
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
	Guidance Section
}

// AssessmentRecord records an assessment of the {id} person.
func (s *Server) AssessmentRecord(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, assessmentFields...)
	in := guidance.AssessmentInput{Instrument: f.Values["instrument"], TakenOn: kit.FormDate(rq, f, "taken_on"),
		OrgID: kit.FilterID(rq, f, "org_id"), AssessedByName: f.Values["assessed_by"], Recommendation: f.Values["recommendation"]}
	if f.Values["taken_on"] == "" {
		f.Fail(rq.L, "taken_on", "error.required", "Field", rq.L.T("field.taken_on"))
	}
	for _, row := range scoreFormRows() {
		sc := guidance.Score{Ability: f.Values[row.Ability]}
		sc.Score = formScore(rq, f, row.Score)
		sc.Max = formScore(rq, f, row.Max)
		in.Scores = append(in.Scores, sc)
	}
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Guidance.RecordAssessment(r.Context(), rq.P, id, in)
		if err == nil {
			s.Flash(r, "assessments.recorded")
			return kit.SeeOther(w, r, personURL(id)+"#assessments")
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	// Read through the web, as the person's page does: it writes the access log.
	p, err := s.svc.People.Get(r.Context(), rq.P, id, people.ViaWeb)
	if err != nil {
		return err
	}
	v := assessmentFormView{Page: s.Page(r, rq, "assessments.record"), Person: p}
	v.Path = personURL(p.ID)
	if v.Guidance, err = s.SectionOf(r.Context(), rq, p, true, f); err != nil {
		return err
	}
	s.Render(w, http.StatusUnprocessableEntity, "assessment_new", &v)
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
		f.Fail(rq.L, field, "error.not_a_score")
		return 0
	}
	return n
}

// personURL is the registry's page of person id, where the assessments are shown.
func personURL(id int64) string { return "/people/" + kit.Itoa(id) }
