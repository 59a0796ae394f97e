package courses

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Course returns course id with its teachers if p may see it: staff
// within their scope, a volunteer who teaches it.
func (s *Service) Course(ctx context.Context, p access.Principal, id int64) (Course, error) {
	c, err := s.course(ctx, s.db.R, id)
	if err != nil {
		return Course{}, err
	}
	if !s.mayRead(ctx, p, c) {
		return Course{}, errs.ErrNotFound
	}
	return c, nil
}

// mayRead says whether p may see course c.
func (s *Service) mayRead(ctx context.Context, p access.Principal, c Course) bool {
	if access.Can(p, access.ViewCourses, c.Target()) == nil {
		return true
	}
	return s.teacher(ctx, p, c) == nil
}

// teacher returns nil when p is a volunteer who teaches course c.
func (s *Service) teacher(ctx context.Context, p access.Principal, c Course) error {
	if err := access.Can(p, access.TeachCourses, p.Scope()); err != nil {
		return err
	}
	v, err := s.reg.Own(ctx, p)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(c.Teachers, func(t Teacher) bool { return t.VolunteerID == v.ID }) {
		return errs.ErrNotFound
	}
	return nil
}

// course reads course id with its teachers through q.
func (s *Service) course(ctx context.Context, q store.Querier, id int64) (Course, error) {
	c, err := scanCourse(q.QueryRowContext(ctx, s.q.CourseFrom+"\n"+s.q.CourseByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Course{}, errs.ErrNotFound
	}
	if err != nil {
		return Course{}, err
	}
	list := []Course{c}
	err = s.withTeachers(ctx, q, list)
	return list[0], err
}

// Courses lists the courses within p's scope of campaign (any when 0),
// the latest start first; there are few, so the list is whole.
func (s *Service) Courses(ctx context.Context, p access.Principal, campaign int64) ([]Course, error) {
	if err := access.Can(p, access.ViewCourses, p.Scope()); err != nil {
		return nil, err
	}
	list, err := store.Select(ctx, s.db.R, scanCourse, s.q.CourseFrom+"\n"+s.q.Courses,
		store.Args(p.ScopeArgs(), []any{campaign})...)
	if err != nil {
		return nil, err
	}
	return list, s.withTeachers(ctx, s.db.R, list)
}

// Taught lists the courses the volunteer whose login p is teaches: their
// course teaching tasks.
func (s *Service) Taught(ctx context.Context, p access.Principal) ([]Course, error) {
	if err := access.Can(p, access.TeachCourses, p.Scope()); err != nil {
		return nil, err
	}
	v, err := s.reg.Own(ctx, p)
	if err != nil {
		return nil, err
	}
	list, err := store.Select(ctx, s.db.R, scanCourse, s.q.CourseFrom+"\n"+s.q.CoursesTaught, v.ID)
	if err != nil {
		return nil, err
	}
	return list, s.withTeachers(ctx, s.db.R, list)
}

// Teaches returns the campaign of course (0 for none) when volunteer
// teaches it, and not found otherwise: the check of the hours a teacher
// logs for a course.
func (s *Service) Teaches(ctx context.Context, volunteer, course int64) (int64, error) {
	var c int64
	err := s.db.R.QueryRowContext(ctx, s.q.Teaches, course, volunteer).Scan(&c)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, errs.ErrNotFound
	}
	return c, err
}

// withTeachers fills the teachers of list.
func (s *Service) withTeachers(ctx context.Context, q store.Querier, list []Course) error {
	for i := range list {
		ts, err := store.Select(ctx, q, func(sc store.Scanner) (Teacher, error) {
			var t Teacher
			return t, sc.Scan(&t.VolunteerID, &t.Name)
		}, s.q.TeachersOf, list[i].ID)
		if err != nil {
			return err
		}
		list[i].Teachers = ts
	}
	return nil
}

func scanCourse(sc store.Scanner) (Course, error) {
	var c Course
	err := sc.Scan(&c.ID, &c.CampaignID, &c.Title, &c.Lang, &c.Subject, &c.GradeMin, &c.GradeMax, &c.Place, &c.StartsOn,
		&c.EndsOn, &c.Capacity, &c.Enrolled, &c.Status, &c.RegionID, &c.RegionCode, &c.regionPath, &c.OrgID, &c.OrgName,
		&c.orgPath, &c.Version, &c.CreatedAt, &c.UpdatedAt)
	c.StartsOn, c.EndsOn = store.Day(c.StartsOn.UTC()), store.Day(c.EndsOn.UTC())
	c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
	return c, err
}

// MayManage says whether p may keep course c: enrol, add sessions and
// record attendance as its coordinator.
func (s *Service) MayManage(p access.Principal, c Course) bool {
	return access.Can(p, access.ManageCourses, c.Target()) == nil
}
