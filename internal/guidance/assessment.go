package guidance

import (
	"context"
	"database/sql"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// MaxScores bounds the abilities one assessment scores.
const MaxScores = 20

// Score is what an assessment measured of one ability, out of Max.
type Score struct {
	Ability string  `json:"ability"`
	Score   float64 `json:"score"`
	Max     float64 `json:"max"`
}

// Assessment is one ability diagnostic or career-guidance assessment of a
// pupil, made at a school or centre (Org).
type Assessment struct {
	ID             int64     `json:"id"`
	PersonID       int64     `json:"person_id"`
	PersonName     string    `json:"person_name"`
	OrgID          int64     `json:"org_id"`
	OrgName        string    `json:"org_name"`
	Instrument     string    `json:"instrument"` // the test or method used
	TakenOn        time.Time `json:"taken_on"`
	Scores         []Score   `json:"scores"`
	Recommendation string    `json:"recommendation,omitempty"`
	AssessedBy     int64     `json:"assessed_by,omitempty"` // the user who recorded it
	AssessedByName string    `json:"assessed_by_name"`      // who made it
	CreatedAt      time.Time `json:"created_at"`
}

// AssessmentInput records an assessment. OrgID is where it was made (the
// person's own organisation when 0); AssessedByName is who made it (the
// recording user when "").
type AssessmentInput struct {
	OrgID          int64
	Instrument     string
	TakenOn        time.Time
	Scores         []Score
	Recommendation string
	AssessedByName string
}

// RecordAssessment records an assessment of person personID. p must be
// allowed to edit the person's record and to work with the organisation
// where the assessment was made.
func (s *Service) RecordAssessment(ctx context.Context, p access.Principal, personID int64, in AssessmentInput) (Assessment, error) {
	in.Instrument = text.Clean(in.Instrument)
	in.Recommendation = strings.TrimSpace(in.Recommendation)
	in.AssessedByName = text.Clean(in.AssessedByName)
	if in.AssessedByName == "" {
		in.AssessedByName = p.Name
	}
	var fs []errs.FieldError
	if in.Instrument == "" {
		fs = append(fs, errs.Field("instrument", "error.required", "Field", "instrument"))
	}
	fs = valid.Line(fs, "instrument", in.Instrument, people.MaxName)
	fs = valid.Line(fs, "assessed_by", in.AssessedByName, people.MaxName)
	fs = valid.Note(fs, "recommendation", in.Recommendation)
	switch {
	case in.TakenOn.IsZero():
		fs = append(fs, errs.Field("taken_on", "error.required", "Field", "taken_on"))
	case store.Day(in.TakenOn).After(s.today()):
		fs = append(fs, errs.Field("taken_on", "error.date_future", "Field", "taken_on"))
	}
	scores, sfs := cleanScores(in.Scores)
	fs = append(fs, sfs...)
	a := Assessment{Instrument: in.Instrument, TakenOn: store.Day(in.TakenOn), Scores: scores, Recommendation: in.Recommendation,
		AssessedBy: p.UserID, AssessedByName: in.AssessedByName, CreatedAt: s.now().UTC()}
	err := s.people.EditChild(ctx, p, personID, func(tx *sql.Tx, per people.Person) error {
		orgID := in.OrgID
		if orgID == 0 {
			orgID = per.OrgID
		}
		if orgID == 0 {
			fs = append(fs, errs.Field("org_id", "error.required", "Field", "org_id"))
		}
		if err := errs.Validation(fs...); err != nil {
			return err
		}
		org, err := s.scopeOrg(ctx, tx, orgID, "org_id")
		if err != nil {
			return err
		}
		if access.Can(p, access.EditChild, org.target()) != nil {
			return errs.Validation(errs.Field("org_id", "error.org_out_of_scope"))
		}
		a.PersonID, a.PersonName, a.OrgID, a.OrgName = per.ID, per.FullName(), org.ID, org.Name
		if err := tx.QueryRowContext(ctx, s.q.InsertAssessment, a.PersonID, a.OrgID, a.Instrument, a.TakenOn,
			a.Recommendation, store.NullID(a.AssessedBy), a.AssessedByName, a.CreatedAt).Scan(&a.ID); err != nil {
			return err
		}
		for i, sc := range a.Scores {
			if _, err := tx.ExecContext(ctx, s.q.InsertAssessmentScore, a.ID, i+1, sc.Ability, sc.Score, sc.Max); err != nil {
				return err
			}
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "record_assessment", Entity: "person",
			EntityID: itoa(per.ID), OrgPath: per.OrgPath, RegionPath: per.RegionPath, After: a})
	})
	if err != nil {
		return Assessment{}, err
	}
	return a, nil
}

// cleanScores checks the scores of an assessment: each names its ability
// once, scores at least 0 and at most its maximum, which is above 0. Rows
// with neither an ability nor a score are left out (a form's empty rows).
// Field errors name the row: score_1_ability, score_2_score, …
func cleanScores(in []Score) ([]Score, []errs.FieldError) {
	var out []Score
	var fs []errs.FieldError
	seen := map[string]bool{}
	for i, sc := range in {
		sc.Ability = text.Clean(sc.Ability)
		if sc.Ability == "" && sc.Score == 0 && sc.Max == 0 {
			continue
		}
		n := "score_" + strconv.Itoa(i+1) + "_"
		key := strings.ToLower(sc.Ability)
		switch {
		case sc.Ability == "":
			fs = append(fs, errs.Field(n+"ability", "error.required", "Field", "ability"))
		case seen[key]:
			fs = append(fs, errs.Field(n+"ability", "error.duplicate"))
		}
		seen[key] = true
		for _, f := range valid.Line(nil, "ability", sc.Ability, people.MaxName) {
			f.Field = n + "ability"
			fs = append(fs, f)
		}
		switch {
		case !(sc.Max > 0) || math.IsInf(sc.Max, 0):
			fs = append(fs, errs.Field(n+"max", "error.score_max"))
		case !(sc.Score >= 0) || sc.Score > sc.Max:
			fs = append(fs, errs.Field(n+"score", "error.score_range", "Max", sc.Max))
		}
		out = append(out, sc)
	}
	if len(out) > MaxScores {
		fs = append(fs, errs.Field("scores", "error.too_many_scores", "Max", MaxScores))
	}
	return out, fs
}
