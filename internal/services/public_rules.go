package services

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/public"
)

// publicRules are the conditions of a campaign's current rule set as the
// public form and the campaign's page read them (public.Rules): the age
// and grade ranges for every item and per item, and the categories of
// need named in every language. Nothing of any child is read.
type publicRules struct {
	eligibility *eligibility.Service
	people      *people.Service
}

func (pr publicRules) CampaignConditions(ctx context.Context, campaignID int64) (public.Conditions, error) {
	rs, err := pr.eligibility.CurrentRuleSet(ctx, campaignID)
	if errs.CodeOf(err) == errs.NotFound {
		return public.Conditions{}, nil
	}
	if err != nil {
		return public.Conditions{}, err
	}
	all := rs.Rules.All
	out := public.Conditions{Version: rs.Version, Age: publicRange(all.Age), Grade: publicRange(all.Grade)}
	for id, c := range rs.Rules.Items {
		if c.Age != nil || c.Grade != nil {
			if out.Items == nil {
				out.Items = map[int64]public.ItemConditions{}
			}
			out.Items[id] = public.ItemConditions{Age: publicRange(c.Age), Grade: publicRange(c.Grade)}
		}
	}
	if len(all.Categories) == 0 {
		return out, nil
	}
	cats, err := pr.people.Categories(ctx, access.System)
	if err != nil {
		return public.Conditions{}, err
	}
	for _, code := range all.Categories {
		c := public.Category{Code: code, Names: public.Names{EN: code}}
		for _, x := range cats {
			if x.Code == code {
				c.Names = public.Names{EN: x.NameEN, KK: x.NameKK, RU: x.NameRU, FR: x.NameFR, FA: x.NameFA}
			}
		}
		out.Categories = append(out.Categories, c)
	}
	return out, nil
}

func publicRange(r *eligibility.Range) *public.Range {
	if r == nil {
		return nil
	}
	return &public.Range{Min: r.Min, Max: r.Max}
}
