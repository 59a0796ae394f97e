package guidance_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/guidance"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestAssessmentRecordedAndScoped(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		pupil := w.mkPerson(t, w.opA, child(w.a, "Сейітов", "Арман", day(2012, 4, 5)))
		in := guidance.AssessmentInput{Instrument: "Holland RIASEC", TakenOn: day(2026, 8, 20),
			Scores:         []guidance.Score{{Ability: "Logic", Score: 17.5, Max: 20}, {}, {Ability: "Verbal", Score: 12, Max: 20}},
			Recommendation: "Physics and mathematics lyceum"}
		a, err := w.s.RecordAssessment(ctx, w.opA, pupil.ID, in)
		if err != nil || a.OrgID != w.a.ID || a.AssessedByName != "Operator A" || len(a.Scores) != 2 {
			t.Fatalf("assessment %+v, %v", a, err)
		}
		got, err := w.s.Assessments(ctx, w.opA, pupil.ID)
		if err != nil || len(got) != 1 || got[0].Scores[0] != (guidance.Score{Ability: "Logic", Score: 17.5, Max: 20}) ||
			!got[0].TakenOn.Equal(day(2026, 8, 20)) || got[0].PersonName != "Сейітов Арман" || got[0].OrgName != "School A" {
			t.Fatalf("assessments %+v, %v", got, err)
		}
		at, next, err := w.s.AssessmentsAt(ctx, w.opA, w.a.ID, people.Page{Limit: 1})
		if err != nil || len(at) != 1 || at[0].ID != a.ID || next != "" {
			t.Fatalf("at school A: %+v %q %v", at, next, err)
		}
		// Another school's operator sees neither the child's assessments
		// nor the list of school A.
		if _, err := w.s.Assessments(ctx, w.opB, pupil.ID); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("operator B reads the assessment: %v", err)
		}
		if _, _, err := w.s.AssessmentsAt(ctx, w.opB, w.a.ID, people.Page{}); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("operator B lists school A: %v", err)
		}
		if _, err := w.s.RecordAssessment(ctx, w.opB, pupil.ID, in); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("operator B records: %v", err)
		}
		// Operator A cannot say it was made at school B.
		in.OrgID = w.b.ID
		if _, err := w.s.RecordAssessment(ctx, w.opA, pupil.ID, in); fieldKeys(err)[0] != "org_id error.org_out_of_scope" {
			t.Fatalf("at another school: %v", fieldKeys(err))
		}
		// The foundation's coordinator records one made at the centre.
		coord := access.Principal{UserID: 4, Name: "Coordinator", Role: access.Coordinator, OrgID: w.found.ID, OrgPath: w.found.Path}
		in.OrgID = w.centre.ID
		if _, err := w.s.RecordAssessment(ctx, coord, pupil.ID, in); err != nil {
			t.Fatal(err)
		}
		if at, _, _ := w.s.AssessmentsAt(ctx, coord, w.centre.ID, people.Page{}); len(at) != 1 {
			t.Fatalf("at the centre: %+v", at)
		}
		page1, next, _ := w.s.AssessmentsAt(ctx, coord, w.a.ID, people.Page{Limit: 1})
		if len(page1) != 1 || next != "" {
			t.Fatalf("one at school A: %+v %q", page1, next)
		}
		if got, _ := w.s.Assessments(ctx, w.opA, pupil.ID); len(got) != 2 {
			t.Fatalf("the child has %d assessments", len(got))
		}
		ch, _, _ := w.log.Changes(ctx, admin, audit.Filter{Entity: "person", EntityID: id(pupil.ID), Action: "record_assessment"}, store.Page{})
		if len(ch) != 2 {
			t.Fatalf("%d audit entries", len(ch))
		}
		for want, in := range map[string]guidance.AssessmentInput{
			"instrument error.required":       {TakenOn: day(2026, 8, 1)},
			"taken_on error.required":         {Instrument: "X"},
			"taken_on error.date_future":      {Instrument: "X", TakenOn: day(2026, 9, 2)},
			"score_1_max error.score_max":     {Instrument: "X", TakenOn: day(2026, 8, 1), Scores: []guidance.Score{{Ability: "A", Score: 1}}},
			"score_1_score error.score_range": {Instrument: "X", TakenOn: day(2026, 8, 1), Scores: []guidance.Score{{Ability: "A", Score: 11, Max: 10}}},
			"score_2_ability error.duplicate": {Instrument: "X", TakenOn: day(2026, 8, 1), Scores: []guidance.Score{{Ability: "A", Score: 1, Max: 10}, {Ability: "a", Score: 1, Max: 10}}},
			"score_1_ability error.required":  {Instrument: "X", TakenOn: day(2026, 8, 1), Scores: []guidance.Score{{Score: 1, Max: 10}}},
		} {
			if _, err := w.s.RecordAssessment(ctx, w.opA, pupil.ID, in); fieldKeys(err)[0] != want {
				t.Errorf("%s: %v", want, fieldKeys(err))
			}
		}
	})
}
