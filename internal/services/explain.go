package services

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/i18n"
)

// Explanation is a request's eligibility result rendered for a reader:
// the operator's lines (the first one the summary read to a family) and
// the family's one sentence.
type Explanation struct {
	Long  []string `json:"long"`
	Short string   `json:"short"`
}

// Explain renders st in l's language with the names of categories,
// regions and catalogue items the installation has in that language.
func (s *Services) Explain(ctx context.Context, l *i18n.Localizer, st eligibility.Stored) (Explanation, error) {
	n, err := s.ExplainNames(ctx, string(l.Locale()))
	if err != nil {
		return Explanation{}, err
	}
	return Explanation{Long: eligibility.RenderAll(l, n, st.Explain()), Short: eligibility.Render(l, n, st.ExplainShort())}, nil
}

// ExplainNames are the names an explanation uses, in locale: categories
// and catalogue items read once, regions looked up as they come. They
// are reference data, shown to whoever reads the explanation.
func (s *Services) ExplainNames(ctx context.Context, locale string) (eligibility.Names, error) {
	cats, err := s.People.Categories(ctx, access.System)
	if err != nil {
		return eligibility.Names{}, err
	}
	items, err := s.Campaigns.Items(ctx, access.System, true)
	if err != nil {
		return eligibility.Names{}, err
	}
	catName := make(map[string]string, len(cats))
	for _, c := range cats {
		catName[c.Code] = c.Name(locale)
	}
	itemName := make(map[int64]string, len(items))
	for _, it := range items {
		itemName[it.ID] = it.Name(locale)
	}
	return eligibility.Names{
		Category: func(code string) string { return catName[code] },
		Item:     func(id int64) string { return itemName[id] },
		Region: func(path string) string {
			r, err := s.Geo.Lookup(ctx, geo.PathCode(path))
			if err != nil {
				return ""
			}
			return r.Name(locale)
		},
	}, nil
}
