package guidance

import (
	"context"
	"fmt"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// Assessments returns the assessments of person personID, the latest
// first, wherever they were made.
func (s *Service) Assessments(ctx context.Context, p access.Principal, personID int64) ([]Assessment, error) {
	if _, err := s.people.ViewChild(ctx, p, personID); err != nil {
		return nil, err
	}
	return s.assessments(ctx, s.q.PersonAssessments, personID)
}

// AssessmentsAt returns a page of the assessments made at organisation
// orgID, the latest recorded first, and the cursor of the next page ("" after
// the last one). p must be allowed to see children's records of that
// organisation.
func (s *Service) AssessmentsAt(ctx context.Context, p access.Principal, orgID int64, pg people.Page) ([]Assessment, string, error) {
	if err := s.canSeeOrg(ctx, p, orgID); err != nil {
		return nil, "", err
	}
	page := store.ParsePage(pg.Cursor, strconv.Itoa(pg.Limit))
	page.Skip = pg.Skip
	out, err := s.assessments(ctx, s.q.OrgAssessments, orgID, page.BeforeArg(), page.LimitArg(), page.SkipArg())
	if err != nil {
		return nil, "", err
	}
	out, next := store.Trim(page, out, func(a Assessment) int64 { return a.ID })
	return out, next, nil
}

// CountAssessmentsAt is how many assessments AssessmentsAt pages through
// at orgID, up to store.CountCap.
func (s *Service) CountAssessmentsAt(ctx context.Context, p access.Principal, orgID int64) (store.Count, error) {
	if err := s.canSeeOrg(ctx, p, orgID); err != nil {
		return store.Count{}, err
	}
	var n int
	if err := s.db.R.QueryRowContext(ctx, s.q.CountOrgAssessments, orgID, store.CountArg()).Scan(&n); err != nil {
		return store.Count{}, fmt.Errorf("count assessments: %w", err)
	}
	return store.Counted(n), nil
}

// canSeeOrg checks that p may see the children's records of organisation
// orgID; an organisation that is not one is not found.
func (s *Service) canSeeOrg(ctx context.Context, p access.Principal, orgID int64) error {
	if err := access.Can(p, access.ViewChild, p.Scope()); err != nil {
		return err
	}
	org, err := s.scopeOrg(ctx, s.db.R, orgID, "org")
	if errs.CodeOf(err) == errs.Invalid {
		return errs.ErrNotFound
	} else if err != nil {
		return err
	}
	return access.Can(p, access.ViewChild, org.target())
}

// assessments runs a query of assessments and reads their scores.
func (s *Service) assessments(ctx context.Context, q string, args ...any) ([]Assessment, error) {
	out, err := store.Select(ctx, s.db.R, scanAssessment, q, args...)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Scores, err = store.Select(ctx, s.db.R, scanScore, s.q.AssessmentScores, out[i].ID)
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func scanAssessment(sc store.Scanner) (Assessment, error) {
	var a Assessment
	var per people.Person
	err := sc.Scan(&a.ID, &a.PersonID, &per.LastName, &per.FirstName, &per.Patronymic, &a.OrgID, &a.OrgName,
		&a.Instrument, &a.TakenOn, &a.Recommendation, &a.AssessedBy, &a.AssessedByName, &a.CreatedAt)
	a.PersonName, a.TakenOn, a.CreatedAt = per.FullName(), store.Day(a.TakenOn.UTC()), a.CreatedAt.UTC()
	return a, err
}

func scanScore(sc store.Scanner) (Score, error) {
	var s Score
	return s, sc.Scan(&s.Ability, &s.Score, &s.Max)
}
