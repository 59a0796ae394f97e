package guidance

import (
	"context"
	"strconv"

	"github.com/jolproject/jol/internal/guidance"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// Section is the part of a person's page about ability diagnostics and
// placements: the assessments with the form to record one, and the places
// the child was offered.
type Section struct {
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
	guidance.Assessment
	ScoreTexts []scoreText
}

type scoreText struct{ Ability, Score, Max string }

// placementRow is a placement with its outcome named.
type placementRow struct {
	guidance.Placement
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

func assessmentRows(l *i18n.Localizer, as []guidance.Assessment) []assessmentRow {
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
func outcomeName(l *i18n.Localizer, o guidance.PlacementOutcome) string {
	switch o {
	case guidance.Admitted:
		return l.T("placements.admitted")
	case guidance.Declined:
		return l.T("placements.declined")
	case guidance.Finished:
		return l.T("placements.finished")
	}
	return l.T("placements.proposed")
}

func placementRows(l *i18n.Localizer, ls []guidance.Placement) []placementRow {
	out := make([]placementRow, 0, len(ls))
	for _, pl := range ls {
		out = append(out, placementRow{Placement: pl, OutcomeName: outcomeName(l, pl.Outcome)})
	}
	return out
}

// SectionOf reads the guidance part of person p's page, with af as the
// assessment form (a blank one when nil).
func (s *Server) SectionOf(ctx context.Context, rq *request, p people.Person, canEdit bool, af *form) (Section, error) {
	g := Section{Form: af, Rows: scoreFormRows()}
	if g.Form == nil {
		g.Form = kit.NewForm(nil, assessmentFields...)
	}
	as, err := s.svc.Guidance.Assessments(ctx, rq.P, p.ID)
	if err != nil {
		return g, err
	}
	g.Assessments = assessmentRows(rq.L, as)
	ls, err := s.svc.Guidance.PlacementsOf(ctx, rq.P, p.ID)
	if err != nil {
		return g, err
	}
	g.Placements = placementRows(rq.L, ls)
	if canEdit {
		opts, err := kit.OrgOptions(ctx, s.svc.Orgs, rq.P, g.Form.Values["org_id"], "", 0)
		if err != nil {
			return g, err
		}
		g.Orgs = withEmpty(opts, rq.L.T("assessments.own_school"), g.Form.Values["org_id"])
	}
	return g, nil
}
