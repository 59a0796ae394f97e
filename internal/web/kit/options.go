package kit

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
)

// Option is one choice of a select (or a suggestion of a datalist).
type Option struct {
	Value, Label string
	Selected     bool
}

// Choices turns values into options labelled by label, with selected
// marked; a non-empty empty label adds a first option with no value.
func Choices[T ~string](values []T, selected, empty string, label func(T) string) []Option {
	var out []Option
	if empty != "" {
		out = append(out, Option{Value: "", Label: empty, Selected: selected == ""})
	}
	for _, v := range values {
		out = append(out, Option{Value: string(v), Label: label(v), Selected: string(v) == selected})
	}
	return out
}

// Key returns a label function translating a value as prefix+value.
func Key[T ~string](l *i18n.Localizer, prefix string) func(T) string {
	return func(v T) string { return l.T(prefix + string(v)) }
}

// RoleOptions lists the roles.
func RoleOptions(l *i18n.Localizer, selected, empty string) []Option {
	return Choices(access.Roles(), selected, empty, Key[access.Role](l, "role."))
}

// OrgTypeOptions lists the kinds of organisation.
func OrgTypeOptions(l *i18n.Localizer, selected, empty string) []Option {
	return Choices(orgs.Types(), selected, empty, Key[orgs.Type](l, "orgtype."))
}

// LocaleOptions lists the languages, each in its own name.
func LocaleOptions(selected, empty string) []Option {
	return Choices(i18n.All(), selected, empty, func(l i18n.Locale) string { return l.NativeName() })
}

// MaxOrgChoices bounds the organisations a select offers; an installation
// with more works in subtrees, where the list is short again.
const MaxOrgChoices = store.MaxLimit

// OrgOptions lists the organisations of svc that p may see as a tree:
// each after its parent, indented by depth, after a first option with no
// organisation labelled empty, which only a principal bound to no
// organisation gets (nobody else may place anything outside their own
// subtree). skip leaves out an organisation and its subtree (one cannot
// move under itself).
func OrgOptions(ctx context.Context, svc *orgs.Service, p access.Principal, selected, empty string, skip int64) ([]Option, error) {
	list, _, err := svc.List(ctx, p, orgs.Filter{}, store.Page{Limit: MaxOrgChoices})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(list, func(a, b orgs.Organisation) int { return strings.Compare(a.Path, b.Path) })
	skipPath := ""
	for _, o := range list {
		if o.ID == skip {
			skipPath = o.Path
		}
	}
	var out []Option
	if p.OrgPath == "" {
		out = append(out, Option{Value: "", Label: empty, Selected: selected == ""})
	}
	for _, o := range list {
		if skipPath != "" && strings.HasPrefix(o.Path, skipPath) {
			continue
		}
		depth := max(strings.Count(o.Path, "/")-2, 0)
		if p.OrgPath != "" {
			depth = max(depth-(strings.Count(p.OrgPath, "/")-2), 0)
		}
		id := strconv.FormatInt(o.ID, 10)
		out = append(out, Option{Value: id, Label: strings.Repeat("— ", depth) + o.Name, Selected: id == selected})
	}
	return out, nil
}

// RegionSuggestions are the user's country and its first-level divisions
// in the user's language, for the datalist beside a region field: an
// Iranian coordinator reading Persian gets Iran's provinces in Persian.
// The country is the one of the user's region, else of their
// organisation's region, else the installation's; with none of them, every
// country's are suggested.
func RegionSuggestions(ctx context.Context, g *geo.Service, o *orgs.Service, rq *Request) ([]Option, error) {
	roots, err := g.Children(ctx, rq.P, "")
	if err != nil {
		return nil, err
	}
	country := userCountry(ctx, o, rq)
	loc := string(rq.L.Locale())
	var out []Option
	for _, c := range roots {
		if country != "" && c.Code != country {
			continue
		}
		kids, err := g.Children(ctx, rq.P, c.Code)
		if err != nil {
			return nil, err
		}
		for _, r := range append([]geo.Region{c}, kids...) {
			out = append(out, Option{Value: r.Code, Label: r.Name(loc)})
		}
	}
	return out, nil
}

// userCountry is the code of the country the user works in, "" when
// nothing says. A user who may not read their organisation falls back to
// the installation's country.
func userCountry(ctx context.Context, o *orgs.Service, rq *Request) string {
	if c := pathCountry(rq.P.RegionPath); c != "" {
		return c
	}
	if rq.P.OrgID != 0 && o != nil {
		if org, err := o.Get(ctx, rq.P, rq.P.OrgID); err == nil {
			if c := pathCountry(org.RegionPath); c != "" {
				return c
			}
		}
	}
	return rq.Settings.Country
}

// pathCountry is the first code of a region path: "KZ" of "/KZ/KZ-75/".
func pathCountry(path string) string {
	c, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	return c
}

// ColleagueOptions offers the users a piece of work may be given to, each
// labelled with their role and organisation, the one with id selected
// marked, after a first option with no value labelled empty.
func ColleagueOptions(l *i18n.Localizer, list []accounts.Colleague, selected int64, empty string) []Option {
	out := []Option{{Value: "", Label: empty, Selected: selected == 0}}
	for _, c := range list {
		label := c.Name + " — " + l.T("role."+string(c.Role))
		if c.OrgName != "" {
			label += ", " + c.OrgName
		}
		out = append(out, Option{Value: Itoa(c.ID), Label: label, Selected: c.ID == selected})
	}
	return out
}
