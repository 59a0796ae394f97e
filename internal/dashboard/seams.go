package dashboard

import (
	"context"
	"math"

	"github.com/jolproject/jol/internal/access"
)

// GiftSource gives the gifts and pledges of a campaign (of every campaign
// p may see when campaignID is 0), as totals: the sponsors' domain
// implements it.
type GiftSource interface {
	GiftFigures(ctx context.Context, p access.Principal, campaignID int64) (Gifts, error)
}

// HourSource gives the volunteer hours of a campaign (of every campaign
// when campaignID is 0): the volunteers' domain implements it.
type HourSource interface {
	HourFigures(ctx context.Context, p access.Principal, campaignID int64) (Hours, error)
}

// Gifts are the totals of the gifts and pledges of a campaign.
type Gifts struct {
	Sponsors int `json:"sponsors"`
	// Money is the cash given and pledged per currency, in minor units.
	Money []Money `json:"money"`
	// InKind is the units given in kind (stock receipts from sponsors).
	InKind int64 `json:"in_kind"`
	// Pledges open, and of them past their due date.
	PledgesOpen    int `json:"pledges_open"`
	PledgesOverdue int `json:"pledges_overdue"`
	// Pledges made, and of them fulfilled.
	Pledges          int `json:"pledges"`
	PledgesFulfilled int `json:"pledges_fulfilled"`
	// Units pledged in kind, and of them received towards the pledges.
	UnitsPledged   int64 `json:"units_pledged"`
	UnitsFulfilled int64 `json:"units_fulfilled"`
}

// Money is what was given and pledged in one currency, in minor units.
type Money struct {
	Currency  string `json:"currency"`
	Digits    int    `json:"digits"` // of the minor unit: 2 for cents, 0 for rials
	Gifts     int    `json:"gifts"`  // cash gifts counted in Given
	Given     int64  `json:"given"`
	Pledged   int64  `json:"pledged"`
	Fulfilled int64  `json:"fulfilled"` // of the pledged, matched to gifts
}

// Major is v, an amount in minor units of m's currency, in whole units:
// cents become dollars, and rials, which have no minor unit, stay as
// they are.
func (m Money) Major(v int64) float64 {
	return float64(v) / math.Pow10(m.Digits)
}

// Hours are the volunteer hours of a campaign.
type Hours struct {
	Volunteers int     `json:"volunteers"`
	Approved   float64 `json:"approved"`
	Pending    float64 `json:"pending"` // logged, not yet approved
	// TasksDone counts the volunteers' tasks done.
	TasksDone int `json:"tasks_done"`
	// BySkill are the approved hours per skill code (aftercare.Skill:
	// software, teaching, distribution, …), the most first.
	BySkill []SkillHours `json:"by_skill"`
}

// SkillHours are the approved hours given with one skill.
type SkillHours struct {
	Skill string  `json:"skill"`
	Hours float64 `json:"hours"`
}
