package people

import (
	"context"
	"database/sql"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
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

// orgScope is an organisation as the scope of what is recorded at it.
type orgScope struct {
	ID               int64
	Name             string
	Path, RegionPath string
}

func (o orgScope) target() access.Target {
	return access.Target{OrgPath: o.Path, RegionPath: o.RegionPath}
}

// scopeOrg reads organisation id through q; an unknown one is a field
// error of field.
func (s *Service) scopeOrg(ctx context.Context, q store.Querier, id int64, field string) (orgScope, error) {
	var o orgScope
	err := q.QueryRowContext(ctx, s.q.ScopeOrg, id).Scan(&o.ID, &o.Name, &o.Path, &o.RegionPath)
	if errors.Is(err, sql.ErrNoRows) {
		return o, errs.Validation(errs.Field(field, "error.unknown_org"))
	}
	return o, err
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
	fs = line(fs, "instrument", in.Instrument, MaxName)
	fs = line(fs, "assessed_by", in.AssessedByName, MaxName)
	fs = note(fs, "recommendation", in.Recommendation)
	switch {
	case in.TakenOn.IsZero():
		fs = append(fs, errs.Field("taken_on", "error.required", "Field", "taken_on"))
	case date(in.TakenOn).After(s.today()):
		fs = append(fs, errs.Field("taken_on", "error.date_future", "Field", "taken_on"))
	}
	scores, sfs := cleanScores(in.Scores)
	fs = append(fs, sfs...)
	a := Assessment{Instrument: in.Instrument, TakenOn: date(in.TakenOn), Scores: scores, Recommendation: in.Recommendation,
		AssessedBy: p.UserID, AssessedByName: in.AssessedByName, CreatedAt: s.now().UTC()}
	err := s.editChild(ctx, p, personID, func(tx *sql.Tx, per Person) error {
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
			EntityID: itoa(per.ID), OrgPath: per.OrgPath, After: a})
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
		for _, f := range line(nil, "ability", sc.Ability, MaxName) {
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

// Assessments returns the assessments of person personID, the latest
// first, wherever they were made.
func (s *Service) Assessments(ctx context.Context, p access.Principal, personID int64) ([]Assessment, error) {
	if _, err := s.viewChild(ctx, p, personID); err != nil {
		return nil, err
	}
	return s.assessments(ctx, s.q.PersonAssessments, personID)
}

// AssessmentsAt returns a page of the assessments made at organisation
// orgID, the latest recorded first, and the cursor of the next page ("" after
// the last one). p must be allowed to see children's records of that
// organisation.
func (s *Service) AssessmentsAt(ctx context.Context, p access.Principal, orgID int64, pg Page) ([]Assessment, string, error) {
	if err := access.Can(p, access.ViewChild, p.Scope()); err != nil {
		return nil, "", err
	}
	org, err := s.scopeOrg(ctx, s.db.R, orgID, "org")
	if errs.CodeOf(err) == errs.Invalid {
		return nil, "", errs.Wrap(store.ErrNotFound, errs.NotFound, "error.not_found")
	} else if err != nil {
		return nil, "", err
	}
	if err := access.Can(p, access.ViewChild, org.target()); err != nil {
		return nil, "", err
	}
	after := int64(math.MaxInt64)
	if n, err := strconv.ParseInt(pg.Cursor, 10, 64); err == nil && n > 0 {
		after = n
	}
	out, err := s.assessments(ctx, s.q.OrgAssessments, orgID, after, pg.limitArg())
	if err != nil {
		return nil, "", err
	}
	if size := pg.limitArg() - 1; len(out) > size {
		out = out[:size]
		return out, itoa(out[size-1].ID), nil
	}
	return out, "", nil
}

// assessments runs a query of assessments and reads their scores.
func (s *Service) assessments(ctx context.Context, q string, args ...any) ([]Assessment, error) {
	rows, err := s.db.R.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Assessment
	for rows.Next() {
		var a Assessment
		var per Person
		if err := rows.Scan(&a.ID, &a.PersonID, &per.LastName, &per.FirstName, &per.Patronymic, &a.OrgID, &a.OrgName,
			&a.Instrument, &a.TakenOn, &a.Recommendation, &a.AssessedBy, &a.AssessedByName, &a.CreatedAt); err != nil {
			return nil, err
		}
		a.PersonName, a.TakenOn, a.CreatedAt = per.FullName(), date(a.TakenOn.UTC()), a.CreatedAt.UTC()
		out = append(out, a)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Scores, err = s.scores(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Service) scores(ctx context.Context, id int64) ([]Score, error) {
	rows, err := s.db.R.QueryContext(ctx, s.q.AssessmentScores, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Score
	for rows.Next() {
		var sc Score
		if err := rows.Scan(&sc.Ability, &sc.Score, &sc.Max); err != nil {
			return nil, err
		}
		out = append(out, sc)
	}
	return out, rows.Err()
}
