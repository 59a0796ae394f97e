package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/i18n"
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

// guidance is the part of a person's page about ability diagnostics and
// placements: the assessments with the form to record one, and the places
// the child was offered.
type guidance struct {
	Assessments []assessmentRow
	Placements  []placementRow
	Form        *form
	Rows        []scoreRow
	Orgs        []option
}

// scoreRow names the three inputs of one row of the form.
type scoreRow struct {
	N                   int
	Ability, Score, Max string
}

// assessmentRow is an assessment with its scores written for the viewer.
type assessmentRow struct {
	people.Assessment
	ScoreTexts []scoreText
}

type scoreText struct{ Ability, Score, Max string }

// placementRow is a placement with its outcome named.
type placementRow struct {
	people.Placement
	OutcomeName string
}

func scoreFormRows() []scoreRow {
	out := make([]scoreRow, scoreRows)
	for i := range out {
		n := "score_" + strconv.Itoa(i+1) + "_"
		out[i] = scoreRow{N: i + 1, Ability: n + "ability", Score: n + "score", Max: n + "max"}
	}
	return out
}

// number writes a score with the viewer's digits.
func number(l *i18n.Localizer, v float64) string {
	return l.Digits(strconv.FormatFloat(v, 'f', -1, 64))
}

func assessmentRows(l *i18n.Localizer, as []people.Assessment) []assessmentRow {
	out := make([]assessmentRow, 0, len(as))
	for _, a := range as {
		row := assessmentRow{Assessment: a}
		for _, sc := range a.Scores {
			row.ScoreTexts = append(row.ScoreTexts, scoreText{Ability: sc.Ability, Score: number(l, sc.Score), Max: number(l, sc.Max)})
		}
		out = append(out, row)
	}
	return out
}

// outcomeName names a placement's outcome in the viewer's language.
func outcomeName(l *i18n.Localizer, o people.PlacementOutcome) string {
	switch o {
	case people.Admitted:
		return l.T("placements.admitted")
	case people.Declined:
		return l.T("placements.declined")
	case people.Finished:
		return l.T("placements.finished")
	}
	return l.T("placements.proposed")
}

func placementRows(l *i18n.Localizer, ls []people.Placement) []placementRow {
	out := make([]placementRow, 0, len(ls))
	for _, pl := range ls {
		out = append(out, placementRow{Placement: pl, OutcomeName: outcomeName(l, pl.Outcome)})
	}
	return out
}

// guidanceOf reads the guidance part of person p's page, with af as the
// assessment form (a blank one when nil).
func (s *Server) guidanceOf(ctx context.Context, rq *request, p people.Person, canEdit bool, af *form) (guidance, error) {
	g := guidance{Form: af, Rows: scoreFormRows()}
	if g.Form == nil {
		g.Form = newForm(nil, assessmentFields...)
	}
	as, err := s.People.Assessments(ctx, rq.p, p.ID)
	if err != nil {
		return g, err
	}
	g.Assessments = assessmentRows(rq.l, as)
	ls, err := s.People.PlacementsOf(ctx, rq.p, p.ID)
	if err != nil {
		return g, err
	}
	g.Placements = placementRows(rq.l, ls)
	if canEdit {
		opts, err := s.orgOptions(ctx, rq.p, g.Form.Values["org_id"], "", 0)
		if err != nil {
			return g, err
		}
		g.Orgs = withEmpty(opts, rq.l.T("assessments.own_school"), g.Form.Values["org_id"])
	}
	return g, nil
}

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
		_, err := s.People.RecordAssessment(r.Context(), rq.p, id, in)
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

// assessmentsView lists the assessments made at one school or centre.
type assessmentsView struct {
	Page
	listing
	Filter      *form
	Orgs        []option
	OrgID       int64
	Assessments []assessmentRow
}

// assessmentList lists the assessments made at the organisation ?org= (the
// user's own when not given), the latest recorded first.
func (s *Server) assessmentList(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	f := queryForm(r, "org")
	org := filterID(rq, f, "org")
	if org == 0 && f.Values["org"] == "" {
		org = rq.p.OrgID
		f.Values["org"] = ""
		if org != 0 {
			f.Values["org"] = itoa(org)
		}
	}
	v := assessmentsView{Page: s.page(r, rq, "assessments.title"), Filter: f, OrgID: org}
	if org != 0 {
		q := r.URL.Query()
		list, next, err := s.People.AssessmentsAt(ctx, rq.p, org, people.ParsePage(q.Get("cursor"), q.Get("limit")))
		if err != nil {
			return err
		}
		v.Assessments, v.listing = assessmentRows(rq.l, list), newListing(r, next)
	}
	opts, err := s.orgOptions(ctx, rq.p, f.Values["org"], "", 0)
	if err != nil {
		return err
	}
	v.Orgs = withEmpty(opts, rq.l.T("assessments.choose_org"), f.Values["org"])
	s.render(w, http.StatusOK, "assessments", &v)
	return nil
}

// withEmpty puts a first option with no value, labelled label, before
// opts unless they start with one.
func withEmpty(opts []option, label, selected string) []option {
	if len(opts) > 0 && opts[0].Value == "" {
		opts[0].Label = label
		return opts
	}
	return append([]option{{Value: "", Label: label, Selected: selected == ""}}, opts...)
}
