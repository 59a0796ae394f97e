package courses

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
)

// Roster lists the children enrolled on course id by name, if p may see
// the course: staff by full name within their scope (a child outside it
// is left out), a teacher of the course by first name, last initial and
// grade. Every child shown is written to the access log (via says from
// where: web, api).
func (s *Service) Roster(ctx context.Context, p access.Principal, id int64, via string) ([]Pupil, error) {
	c, err := s.Course(ctx, p, id)
	if err != nil {
		return nil, err
	}
	staff := access.Can(p, access.ViewCourses, c.Target()) == nil
	type row struct {
		Pupil
		first, last, orgPath, regionPath string
	}
	rows, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (row, error) {
		var r row
		return r, sc.Scan(&r.EnrolmentID, &r.PersonID, &r.first, &r.last, &r.Grade, &r.RequestID, &r.orgPath,
			&r.regionPath, &r.Present)
	}, s.q.Roster, id)
	if err != nil {
		return nil, err
	}
	out := make([]Pupil, 0, len(rows))
	for _, r := range rows {
		t := access.Target{OrgPath: r.orgPath, RegionPath: r.regionPath}
		if staff {
			if !access.Within(p, t) {
				continue
			}
			r.Name = strings.Join(strings.Fields(r.last+" "+r.first), " ")
		} else {
			r.Name = ShortName(r.first, r.last)
		}
		if err := s.log.ViewedIn(ctx, p, audit.KindPerson, itoa(r.PersonID), t, via); err != nil {
			return nil, err
		}
		if !staff {
			r.PersonID, r.RequestID = 0, 0
		}
		out = append(out, r.Pupil)
	}
	return out, nil
}

// ShortName is what a volunteer teacher reads of a child's name: the
// first name and the initial of the last ("Aigerim N.").
func ShortName(first, last string) string {
	first = strings.TrimSpace(first)
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(last))
	if r == utf8.RuneError {
		return first
	}
	return strings.TrimSpace(first + " " + string(r) + ".")
}
