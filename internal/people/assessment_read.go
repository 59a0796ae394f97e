package people

import (
	"context"
	"math"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
)

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
		return nil, "", errs.ErrNotFound
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
