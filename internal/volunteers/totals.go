package volunteers

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/store"
)

// VolunteerHours is what one volunteer gave a campaign: the approved time
// and entries, the needs of the campaign they signed up to, and the
// device set-up tasks of its requests they did. It is what a recognition
// letter says.
type VolunteerHours struct {
	VolunteerID int64  `json:"volunteer_id"`
	Name        string `json:"name"`
	Minutes     int    `json:"minutes"`
	Entries     int    `json:"entries"`
	Needs       int    `json:"needs"`
	DeviceTasks int    `json:"device_tasks"`
}

// HoursByVolunteer lists, within p's scope, every volunteer with hours
// approved for campaign (every campaign, and none, when 0), the most
// hours first. Only approved hours count.
func (s *Service) HoursByVolunteer(ctx context.Context, p access.Principal, campaign int64) ([]VolunteerHours, error) {
	if err := access.Can(p, access.ViewVolunteers, p.Scope()); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (VolunteerHours, error) {
		var v VolunteerHours
		return v, sc.Scan(&v.VolunteerID, &v.Name, &v.Minutes, &v.Entries, &v.Needs, &v.DeviceTasks)
	}, s.q.HoursByVolunteer, store.Args(p.ScopeArgs(), []any{campaign})...)
}

// Totals are a campaign's volunteer hours: how many volunteers gave
// approved time and how much, and the time still waiting or rejected
// (which does not count).
type Totals struct {
	Volunteers      int `json:"volunteers"`
	Minutes         int `json:"minutes"`
	PendingMinutes  int `json:"pending_minutes"`
	RejectedMinutes int `json:"rejected_minutes"`
}

// Totals sums, within p's scope, the hours of campaign (all when 0).
func (s *Service) Totals(ctx context.Context, p access.Principal, campaign int64) (Totals, error) {
	if err := access.Can(p, access.ViewVolunteers, p.Scope()); err != nil {
		return Totals{}, err
	}
	var t Totals
	err := s.db.R.QueryRowContext(ctx, s.q.Totals, store.Args(p.ScopeArgs(), []any{campaign})...).Scan(&t.Volunteers,
		&t.Minutes, &t.PendingMinutes, &t.RejectedMinutes)
	return t, err
}

// SkillMinutes are the approved minutes given with one skill.
type SkillMinutes struct {
	Skill   aftercare.Skill `json:"skill"`
	Minutes int             `json:"minutes"`
}

// HoursBySkill sums, within p's scope, the approved hours of campaign
// (all when 0) per skill they were given with: a need's role, the skill
// of a device task's kind, teaching for a course, and other for hours
// logged for none of these. The most hours first.
func (s *Service) HoursBySkill(ctx context.Context, p access.Principal, campaign int64) ([]SkillMinutes, error) {
	if err := access.Can(p, access.ViewVolunteers, p.Scope()); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (SkillMinutes, error) {
		var m SkillMinutes
		return m, sc.Scan(&m.Skill, &m.Minutes)
	}, s.q.HoursBySkill, store.Args(p.ScopeArgs(), []any{campaign})...)
}
