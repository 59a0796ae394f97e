package registry

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// personRow is one person as a list shows them: the age, sex, region and
// categories spelled out in the viewer's language, and only the end of
// the ID number (it is shown in full only on the person's own page).
type personRow struct {
	people.Person
	Age        string
	SexName    string
	IDTail     string
	RegionName string
	Categories []string
	Household  string // the household named by family, address and reference (pickers only)
}

// personRows fills the rows of a list of persons. Categories are read per
// Person: one small query for each row of a page the limit bounds.
func (s *Server) personRows(ctx context.Context, rq *request, list []people.Person) ([]personRow, error) {
	loc := string(rq.L.Locale())
	region := s.RegionNamer(ctx, s.svc.Geo, loc)
	today := s.Today(rq)
	out := make([]personRow, 0, len(list))
	for _, p := range list {
		as, err := s.svc.People.Assignments(ctx, rq.P, p.ID)
		if err != nil {
			return nil, err
		}
		row := personRow{Person: p, Age: ageOf(rq.L, p, today), SexName: sexName(rq.L, p.Sex),
			IDTail: idTail(p.NationalID), RegionName: region(p.RegionCode)}
		for _, a := range as {
			row.Categories = append(row.Categories, a.Category.Name(loc))
		}
		out = append(out, row)
	}
	return out, nil
}

// ageOf is a person's age in years on day today, "" when the date of
// birth is unknown.
func ageOf(l *i18n.Localizer, p people.Person, today time.Time) string {
	a, ok := p.Age(today)
	if !ok {
		return ""
	}
	return l.T("people.age", "Count", a)
}

// idTail is what a list shows of an ID number: its last four characters
// after a mask, none of it when it is that short.
func idTail(id string) string {
	r := []rune(id)
	if len(r) <= 4 {
		return ""
	}
	return string(r[len(r)-4:])
}

func sexName(l *i18n.Localizer, s people.Sex) string {
	return l.T("sex." + strings.ToLower(string(s)))
}

func sexOptions(l *i18n.Localizer, selected string) []option {
	return kit.Choices([]people.Sex{people.SexUnknown, people.Female, people.Male}, selected, "", func(s people.Sex) string {
		return sexName(l, s)
	})
}

func statusOptions(l *i18n.Localizer, selected, empty string) []option {
	return kit.Choices(people.Statuses(), selected, empty, kit.Key[people.Status](l, "personstatus."))
}

func relationOptions(l *i18n.Localizer, selected string) []option {
	return kit.Choices(people.Relations(), selected, "", kit.Key[people.Relation](l, "relation."))
}

// gradeOptions are the school grades 1–12 after an option with no grade.
func gradeOptions(l *i18n.Localizer, selected, empty string) []option {
	out := []option{{Value: "", Label: empty, Selected: selected == ""}}
	for g := 1; g <= people.MaxGrade; g++ {
		v := kit.Itoa(int64(g))
		out = append(out, option{Value: v, Label: l.Number(int64(g)), Selected: v == selected})
	}
	return out
}

// categoryOptions lists the categories in the user's language; active
// leaves out those no longer offered for new assignments.
func (s *Server) categoryOptions(ctx context.Context, rq *request, selected, empty string, active bool) ([]option, error) {
	cs, err := s.svc.People.Categories(ctx, rq.P)
	if err != nil {
		return nil, err
	}
	out := []option{{Value: "", Label: empty, Selected: selected == ""}}
	for _, c := range cs {
		if active && !c.Active {
			continue
		}
		out = append(out, option{Value: c.Code, Label: c.Name(string(rq.L.Locale())), Selected: c.Code == selected})
	}
	return out, nil
}

// orgFilterOptions are the organisations a list may be narrowed to, after
// a first option for all of them.
func (s *Server) orgFilterOptions(r *http.Request, rq *request, selected string) ([]option, error) {
	all := rq.L.T("common.all")
	out, err := kit.OrgOptions(r.Context(), s.svc.Orgs, rq.P, selected, all, 0)
	if err != nil || len(out) > 0 && out[0].Value == "" {
		return out, err
	}
	return append([]option{{Value: "", Label: all, Selected: selected == ""}}, out...), nil
}
