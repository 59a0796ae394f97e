package web

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
)

// option is one choice of a select (or a suggestion of a datalist).
type option struct {
	Value, Label string
	Selected     bool
}

// choices turns values into options labelled by label, with selected
// marked; a non-empty empty label adds a first option with no value.
func choices[T ~string](values []T, selected, empty string, label func(T) string) []option {
	var out []option
	if empty != "" {
		out = append(out, option{Value: "", Label: empty, Selected: selected == ""})
	}
	for _, v := range values {
		out = append(out, option{Value: string(v), Label: label(v), Selected: string(v) == selected})
	}
	return out
}

// key returns a label function translating a value as prefix+value.
func key[T ~string](l *i18n.Localizer, prefix string) func(T) string {
	return func(v T) string { return l.T(prefix + string(v)) }
}

func roleOptions(l *i18n.Localizer, selected, empty string) []option {
	return choices(access.Roles(), selected, empty, key[access.Role](l, "role."))
}

func orgTypeOptions(l *i18n.Localizer, selected, empty string) []option {
	return choices(orgs.Types(), selected, empty, key[orgs.Type](l, "orgtype."))
}

// localeOptions lists the languages, each in its own name.
func localeOptions(selected, empty string) []option {
	return choices(i18n.All(), selected, empty, func(l i18n.Locale) string { return l.NativeName() })
}

// maxOrgChoices bounds the organisations a select offers; an installation
// with more works in subtrees, where the list is short again.
const maxOrgChoices = store.MaxLimit

// orgOptions lists the organisations p may see as a tree: each after its
// parent, indented by depth, after a first option with no organisation
// labelled empty, which only a principal bound to no organisation gets
// (nobody else may place anything outside their own subtree). skip leaves
// out an organisation and its subtree (one cannot move under itself).
func (s *Server) orgOptions(ctx context.Context, p access.Principal, selected, empty string, skip int64) ([]option, error) {
	list, _, err := s.svc.Orgs.List(ctx, p, orgs.Filter{}, store.Page{Limit: maxOrgChoices})
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
	var out []option
	if p.OrgPath == "" {
		out = append(out, option{Value: "", Label: empty, Selected: selected == ""})
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
		out = append(out, option{Value: id, Label: strings.Repeat("— ", depth) + o.Name, Selected: id == selected})
	}
	return out, nil
}

// regionSuggestions are the countries and their first-level divisions in
// the user's language, for the datalist beside a region code field. An
// installation working in one country suggests only that country's.
func (s *Server) regionSuggestions(ctx context.Context, rq *request) ([]option, error) {
	roots, err := s.svc.Geo.Children(ctx, rq.p, "")
	if err != nil {
		return nil, err
	}
	loc := string(rq.l.Locale())
	var out []option
	for _, c := range roots {
		if rq.settings.Country != "" && c.Code != rq.settings.Country {
			continue
		}
		kids, err := s.svc.Geo.Children(ctx, rq.p, c.Code)
		if err != nil {
			return nil, err
		}
		for _, g := range append([]geo.Region{c}, kids...) {
			out = append(out, option{Value: g.Code, Label: g.Name(loc)})
		}
	}
	return out, nil
}
