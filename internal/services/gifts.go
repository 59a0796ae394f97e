package services

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/dashboard"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/volunteers"
)

// giftFigures is the dashboard's source of gifts and pledges: the
// sponsors' totals, in the dashboard's terms.
type giftFigures struct{ s *sponsors.Service }

// GiftFigures implements dashboard.GiftSource.
func (g giftFigures) GiftFigures(ctx context.Context, p access.Principal, campaignID int64) (dashboard.Gifts, error) {
	t, err := g.s.Totals(ctx, p, campaignID)
	if err != nil {
		return dashboard.Gifts{}, err
	}
	out := dashboard.Gifts{Sponsors: t.Sponsors, InKind: t.InKind, Pledges: t.Pledges,
		PledgesFulfilled: t.PledgesFulfilled, PledgesOpen: t.PledgesOpen, PledgesOverdue: t.PledgesOverdue,
		UnitsPledged: t.UnitsPledged, UnitsFulfilled: t.UnitsFulfilled, Money: []dashboard.Money{}}
	for _, m := range t.Money {
		out.Money = append(out.Money, dashboard.Money{Currency: string(m.Currency), Digits: m.Currency.Digits(), Gifts: m.Gifts, Given: m.Given,
			Pledged: m.Pledged, Fulfilled: m.Fulfilled})
	}
	return out, nil
}

// hourFigures is the dashboard's source of volunteer hours: the
// volunteers' approved and pending time, the approved time per skill,
// and the device set-up tasks done by volunteers with approved hours.
type hourFigures struct{ s *volunteers.Service }

// HourFigures implements dashboard.HourSource.
func (h hourFigures) HourFigures(ctx context.Context, p access.Principal, campaignID int64) (dashboard.Hours, error) {
	t, err := h.s.Totals(ctx, p, campaignID)
	if err != nil {
		return dashboard.Hours{}, err
	}
	each, err := h.s.HoursByVolunteer(ctx, p, campaignID)
	if err != nil {
		return dashboard.Hours{}, err
	}
	out := dashboard.Hours{Volunteers: t.Volunteers, Approved: float64(t.Minutes) / 60,
		Pending: float64(t.PendingMinutes) / 60, BySkill: []dashboard.SkillHours{}}
	for _, v := range each {
		out.TasksDone += v.DeviceTasks
	}
	skills, err := h.s.HoursBySkill(ctx, p, campaignID)
	if err != nil {
		return dashboard.Hours{}, err
	}
	for _, x := range skills {
		out.BySkill = append(out.BySkill, dashboard.SkillHours{Skill: string(x.Skill), Hours: float64(x.Minutes) / 60})
	}
	return out, nil
}
