package mentorship

import (
	"context"
	"math"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// MentorActivity is one mentor's sessions over a period.
type MentorActivity struct {
	MentorID int64  `json:"mentor_id"`
	Name     string `json:"name"`
	Region   string `json:"region"` // the mentor's
	Sessions int    `json:"sessions"`
	Minutes  int    `json:"minutes"`
}

// RegionActivity is the sessions of a region's mentors over a period.
type RegionActivity struct {
	Region   string `json:"region"`
	Mentors  int    `json:"mentors"` // who held a session
	Sessions int    `json:"sessions"`
	Minutes  int    `json:"minutes"`
}

// Activity is the mentors' activity over a period, from From to To
// (both days included).
type Activity struct {
	From    time.Time        `json:"from"`
	To      time.Time        `json:"to"`
	Mentors []MentorActivity `json:"mentors"` // by region, then name
	Regions []RegionActivity `json:"regions"`
	Total   RegionActivity   `json:"total"` // Region empty
}

// MaxActivityDays bounds the period of one report.
const MaxActivityDays = 3 * 366

// Activity reports the sessions and their time per mentor and per region
// (the mentor's) of the mentorships within p's scope, held from from to
// to; p needs ViewMentors.
func (s *Service) Activity(ctx context.Context, p access.Principal, from, to time.Time) (Activity, error) {
	a := Activity{From: store.Day(from), To: store.Day(to)}
	if !access.Allowed(p, access.ViewMentors) {
		return a, errs.New(errs.Forbidden, "error.forbidden")
	}
	if a.From.IsZero() || a.To.IsZero() || a.To.Before(a.From) || a.To.Sub(a.From) > MaxActivityDays*24*time.Hour {
		return a, errs.Validation(errs.Field("to", "error.activity_period", "Days", MaxActivityDays))
	}
	var err error
	a.Mentors, err = store.Select(ctx, s.db.R, func(sc store.Scanner) (MentorActivity, error) {
		var m MentorActivity
		return m, sc.Scan(&m.MentorID, &m.Name, &m.Region, &m.Sessions, &m.Minutes)
	}, s.q.Activity, store.Args(p.ScopeArgs(), []any{a.From, a.To})...)
	if err != nil {
		return a, err
	}
	for _, m := range a.Mentors {
		if n := len(a.Regions); n == 0 || a.Regions[n-1].Region != m.Region {
			a.Regions = append(a.Regions, RegionActivity{Region: m.Region})
		}
		r := &a.Regions[len(a.Regions)-1]
		r.Mentors, r.Sessions, r.Minutes = r.Mentors+1, r.Sessions+m.Sessions, r.Minutes+m.Minutes
		a.Total.Mentors, a.Total.Sessions, a.Total.Minutes = a.Total.Mentors+1, a.Total.Sessions+m.Sessions, a.Total.Minutes+m.Minutes
	}
	return a, nil
}

// Hours is minutes as hours, rounded to one decimal place.
func Hours(minutes int) float64 { return math.Round(float64(minutes)/6) / 10 }
