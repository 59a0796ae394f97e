package public

import (
	"context"
	"strings"

	"github.com/jolproject/jol/internal/i18n"
)

// Rules is what the public side needs of eligibility: the conditions of a
// campaign's current rule set, as families are told them. The services
// package implements it with the eligibility service, so public does not
// import eligibility.
type Rules interface {
	// CampaignConditions returns the conditions of the campaign's current
	// rule set, or zero Conditions when it has none.
	CampaignConditions(ctx context.Context, campaignID int64) (Conditions, error)
}

// Conditions are what a campaign's current rules ask of a child: for every
// item, and per item as well. Only what the form can check and the
// campaign page can say is here: ages, grades and the categories of need
// (one held with valid evidence); the rest (regions, institutions, what
// was received this year) the evaluation decides after the application.
type Conditions struct {
	// Version is the rule set's; 0 when the campaign has none, and then
	// the form refuses no one for age or grade: operators judge.
	Version    int
	Age, Grade *Range     // nil: not asked
	Categories []Category // one of them, held with valid evidence
	Items      map[int64]ItemConditions
}

// ItemConditions are what an item's own rules ask, besides the campaign's.
type ItemConditions struct {
	Age, Grade *Range
}

// Range is an inclusive range of whole years of age or of grades.
type Range struct{ Min, Max int }

// Contains reports whether v lies within r.
func (r Range) Contains(v int) bool { return v >= r.Min && v <= r.Max }

// Category is a category of need, named in every language.
type Category struct {
	Code  string
	Names Names
}

// asksGrade reports whether the rules ask the grade of a child asking
// for the items chosen.
func (c Conditions) asksGrade(chosen []Choice) bool {
	if c.Grade != nil {
		return true
	}
	for _, ch := range chosen {
		if c.Items[ch.ItemID].Grade != nil {
			return true
		}
	}
	return false
}

// AsksGrade reports whether the form must ask the child's grade: the
// rules bound it for every item or for one of them.
func (c Conditions) AsksGrade() bool {
	if c.Grade != nil {
		return true
	}
	for _, it := range c.Items {
		if it.Grade != nil {
			return true
		}
	}
	return false
}

// Describe says in l's language who may apply under c, one sentence per
// condition for every item: the ages, the grades, the categories. It is
// empty when the campaign has no rule set or the rules ask none of these.
func (c Conditions) Describe(l *i18n.Localizer) []string {
	var out []string
	if r := c.Age; r != nil {
		out = append(out, l.T("public.who.age", "Min", r.Min, "Max", r.Max))
	}
	if r := c.Grade; r != nil {
		out = append(out, l.T("public.who.grade", "Min", r.Min, "Max", r.Max))
	}
	if len(c.Categories) > 0 {
		names := make([]string, len(c.Categories))
		for i, cat := range c.Categories {
			names[i] = cat.Names.In(string(l.Locale()))
		}
		out = append(out, l.T("public.who.categories", "List", strings.Join(names, l.T("common.list_separator"))))
	}
	return out
}

// DescribeItem says in l's language what item id's own rules ask: "ages
// 6–10, grades 1–4", or "" when they ask neither.
func (c Conditions) DescribeItem(l *i18n.Localizer, id int64) string {
	it := c.Items[id]
	var parts []string
	if r := it.Age; r != nil {
		parts = append(parts, l.T("public.item_ages", "Min", r.Min, "Max", r.Max))
	}
	if r := it.Grade; r != nil {
		parts = append(parts, l.T("catalogue.grades", "Min", r.Min, "Max", r.Max))
	}
	return strings.Join(parts, l.T("common.list_separator"))
}

// Conditions returns the conditions of campaign id's current rules, zero
// when it has none (or no Rules were given).
func (s *Service) Conditions(ctx context.Context, campaignID int64) (Conditions, error) {
	if s.Rules == nil {
		return Conditions{}, nil
	}
	return s.Rules.CampaignConditions(ctx, campaignID)
}
