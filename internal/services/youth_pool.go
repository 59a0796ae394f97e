package services

import (
	"context"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/youth"
)

// youthPool is where young people's shortlists come from: the approved
// mentors of the young person's field, within the youth organisation
// that took them (the top of their branch's path), who have a free
// place. Their standings in the school are read at once for the whole
// organisation (mentoring.Standings), not mentor by mentor;
// mentoring.MatchMentor takes the rest, the vetting for minors included.
func youthPool(m *mentoring.Service) youth.Pool {
	return func(ctx context.Context, y youth.Youth) ([]youth.PoolMentor, error) {
		p := access.Principal{Name: "shortlist", Role: access.Admin, OrgPath: topOf(y.OrgPath)}
		standings, err := m.Standings(ctx, p)
		if err != nil {
			return nil, err
		}
		var out []youth.PoolMentor
		for f := (mentoring.Filter{Status: mentoring.Approved, Field: y.Field}); ; {
			page, err := m.List(ctx, p, f)
			if err != nil {
				return nil, err
			}
			for _, x := range page {
				if x.Free() == 0 {
					continue
				}
				out = append(out, youth.PoolMentor{Card: youth.MentorCard{ID: x.ID, FirstName: firstName(x.Name),
					Background: string(x.Background), Fields: x.Fields, Languages: x.Languages, Formats: x.Formats(),
					RegionCode: x.RegionCode}, Match: mentoring.MatchMentor(x, standings.Of(x.ID))})
			}
			if len(page) < mentoring.MaxPage {
				return out, nil
			}
			f.After = page[len(page)-1].ID
		}
	}
}

// topOf is the path of the organisation at the top of path's tree.
func topOf(path string) string {
	parts := strings.SplitN(strings.Trim(path, "/"), "/", 2)
	return "/" + parts[0] + "/"
}

// firstName is the first word of a mentor's name, all a young person is
// shown of it.
func firstName(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return ""
}
