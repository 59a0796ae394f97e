package courses

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// Input creates or changes a course. Teachers are volunteers of the
// registry with the teaching skill.
type Input struct {
	CampaignID int64     `json:"campaign_id"`
	Title      string    `json:"title"`
	Lang       string    `json:"lang"`
	Subject    string    `json:"subject"`
	GradeMin   int       `json:"grade_min"`
	GradeMax   int       `json:"grade_max"`
	Place      string    `json:"place"`
	StartsOn   time.Time `json:"starts_on"`
	EndsOn     time.Time `json:"ends_on"`
	Capacity   int       `json:"capacity"`
	RegionCode string    `json:"region_code"`
	OrgID      int64     `json:"org_id"`
	Teachers   []int64   `json:"teachers"`
}

// Create records a course within p's scope.
func (s *Service) Create(ctx context.Context, p access.Principal, in Input) (Course, error) {
	return s.save(ctx, p, 0, 0, in)
}

// Update changes course id, read at version; its places never drop below
// the children enrolled.
func (s *Service) Update(ctx context.Context, p access.Principal, id int64, version int, in Input) (Course, error) {
	return s.save(ctx, p, id, version, in)
}

func (s *Service) save(ctx context.Context, p access.Principal, id int64, version int, in Input) (Course, error) {
	if err := access.Can(p, access.ManageCourses, p.Scope()); err != nil {
		return Course{}, err
	}
	fs := clean(&in)
	fs = append(fs, s.checkTeachers(ctx, p, in.Teachers)...)
	var out Course
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var before *Course
		if id != 0 {
			c, err := s.course(ctx, tx, id)
			if err == nil && access.Can(p, access.ManageCourses, c.Target()) != nil {
				err = errs.ErrNotFound
			}
			if err != nil {
				return err
			}
			if in.Capacity < c.Enrolled {
				fs = append(fs, errs.Field("capacity", "error.course_below_enrolled", "Enrolled", c.Enrolled))
			}
			before = &c
		}
		c, fs, err := s.place(ctx, tx, p, in, fs)
		if err != nil {
			return err
		}
		if err := errs.Validation(fs...); err != nil {
			return err
		}
		now := s.now().UTC()
		args := []any{store.NullID(in.CampaignID), in.Title, in.Lang, in.Subject, in.GradeMin, in.GradeMax, in.Place,
			in.StartsOn, in.EndsOn, in.Capacity, c.RegionID, c.regionPath, c.OrgID, c.orgPath}
		if before == nil {
			err = tx.QueryRowContext(ctx, s.q.InsertCourse, append(args, store.NullID(p.UserID), now)...).Scan(&id)
		} else {
			err = exec(ctx, tx, "error.course_changed", s.q.UpdateCourse, append([]any{id, version}, append(args, now)...)...)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.DeleteTeachers, id); err != nil {
			return err
		}
		for _, v := range in.Teachers {
			if _, err := tx.ExecContext(ctx, s.q.InsertTeacher, id, v); err != nil {
				return err
			}
		}
		if out, err = s.course(ctx, tx, id); err != nil {
			return err
		}
		action := "create"
		if before != nil {
			action = "update"
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: action, Entity: "course", EntityID: itoa(id),
			OrgPath: out.orgPath, RegionPath: out.regionPath, Before: before, After: out})
	})
	return out, err
}

// clean trims in and checks what needs no database.
func clean(in *Input) []errs.FieldError {
	in.Title, in.Place = text.Clean(in.Title), text.Clean(in.Place)
	in.Lang, in.Subject = strings.ToLower(strings.TrimSpace(in.Lang)), strings.TrimSpace(in.Subject)
	in.RegionCode = strings.ToUpper(strings.TrimSpace(in.RegionCode))
	in.StartsOn, in.EndsOn = store.Day(in.StartsOn), store.Day(in.EndsOn)
	fs := valid.Required(nil, "title", in.Title)
	fs = valid.Line(fs, "title", in.Title, MaxTitle)
	fs = valid.Line(fs, "place", in.Place, MaxTitle)
	if len(in.Lang) < 2 || len(in.Lang) > 3 || strings.Trim(in.Lang, "abcdefghijklmnopqrstuvwxyz") != "" {
		fs = append(fs, errs.Field("lang", "error.invalid_language", "Code", in.Lang))
	}
	if !slices.Contains(aftercare.Subjects(), in.Subject) {
		fs = append(fs, valid.Choice("subject", aftercare.Subjects()...))
	}
	if in.GradeMin < 0 || in.GradeMax > 12 || in.GradeMin > in.GradeMax {
		fs = append(fs, errs.Field("grade_min", "error.course_grades"))
	}
	switch {
	case in.StartsOn.IsZero() || in.EndsOn.IsZero():
		fs = append(fs, errs.Field("starts_on", "error.required_date"))
	case in.EndsOn.Before(in.StartsOn):
		fs = append(fs, errs.Field("ends_on", "error.course_dates"))
	}
	if in.Capacity < 1 || in.Capacity > MaxCapacity {
		fs = append(fs, errs.Field("capacity", "error.course_capacity", "Max", MaxCapacity))
	}
	slices.Sort(in.Teachers)
	in.Teachers = slices.Compact(in.Teachers)
	if len(in.Teachers) > MaxTeachers {
		fs = append(fs, errs.Field("teachers", "error.course_teachers", "Max", MaxTeachers))
	}
	return fs
}

// checkTeachers checks that every teacher is a volunteer p may see who
// teaches.
func (s *Service) checkTeachers(ctx context.Context, p access.Principal, ids []int64) []errs.FieldError {
	for _, id := range ids {
		v, err := s.reg.Volunteer(ctx, p, id)
		if err != nil || !slices.Contains(v.Skills, aftercare.Teaching) {
			return []errs.FieldError{errs.Field("teachers", "error.course_teacher")}
		}
	}
	return nil
}

// place resolves in's region, organisation and campaign, within p's
// scope.
func (s *Service) place(ctx context.Context, tx *sql.Tx, p access.Principal, in Input,
	fs []errs.FieldError) (Course, []errs.FieldError, error) {
	h, fs, err := s.home.Resolve(ctx, tx, p, in.RegionCode, in.OrgID, in.CampaignID, fs)
	return Course{RegionID: h.RegionID, regionPath: h.RegionPath, OrgID: h.OrgID, OrgName: h.OrgName,
		orgPath: h.OrgPath}, fs, err
}

// exec runs a conditional update that must change one row: none means
// someone changed the record meanwhile (key says so).
func exec(ctx context.Context, tx *sql.Tx, key, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n != 1 {
		return errs.New(errs.Conflict, key)
	}
	return nil
}
