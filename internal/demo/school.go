package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/services"
)

// schoolModules are the mentors' school's modules; the last is optional.
var schoolModules = []mentoring.Module{
	{Code: "youth_policy", Name: "Мемлекеттік жастар саясаты мен бағдарламалары", Required: true, Position: 1},
	{Code: "safeguarding", Name: "Безопасность детей и молодёжи (safeguarding)", Required: true, Position: 2},
	{Code: "mentoring_method", Name: "Тәлімгерлік әдістемесі: кездесу, мақсат, кері байланыс", Required: true, Position: 3},
	{Code: "digital_tools", Name: "Цифровые инструменты наставника", Required: false, Position: 4},
}

// schoolTrainers lead the sessions.
var schoolTrainers = []string{"Бауыржан Омаров", "Елена Шмидт", "Айнұр Тоқтарова", "Марат Ермеков"}

// seedMentorSchool runs the pool through two cohorts of the head
// office's school, the first half in the first, which starts 130 days
// before the demo's day, the others in the second, 25 days later: two
// sessions of every module, attendance and the final check. Most finish;
// some missed a required module in both its sessions, a few failed the
// check and a few have not sat it.
func seedMentorSchool(ctx context.Context, s *services.Services, coord access.Principal, today time.Time, mentors []mentoring.Mentor) error {
	var mods []mentoring.Module
	for _, m := range schoolModules {
		made, err := s.Mentoring.AddModule(ctx, access.System, m)
		if err != nil {
			return err
		}
		mods = append(mods, made)
	}
	r := youthRNG(2)
	half := len(mentors) / 2
	for ci, c := range []struct {
		name      string
		start     int // days ago
		from, til int // mentors
	}{{"Тәлімгерлер мектебі — 1-ағын", 130, 0, half}, {"Школа наставников — 2-й поток", 105, half, len(mentors)}} {
		start := daysAgo(today, c.start)
		cohort, err := s.Mentoring.CreateCohort(ctx, coord, mentoring.Cohort{Name: c.name, OrgID: coord.OrgID,
			StartsOn: start, EndsOn: start.AddDate(0, 0, 27)})
		if err != nil {
			return err
		}
		members := mentors[c.from:c.til]
		for _, m := range members {
			if err := s.Mentoring.Enrol(ctx, coord, cohort.ID, m.ID); err != nil {
				return err
			}
		}
		// Who skips a required module in both its sessions (never the
		// mentor login's profile, index 3).
		skips := map[int64]int{}
		for i, m := range members {
			if c.from+i != 3 && r.IntN(100) < 7 {
				skips[m.ID] = r.IntN(3)
			}
		}
		for mi, mod := range mods {
			for k := range 2 {
				ses, err := s.Mentoring.AddSession(ctx, coord, mentoring.Session{CohortID: cohort.ID, ModuleID: mod.ID,
					HeldOn: start.AddDate(0, 0, 3*mi+12*k+ci), Trainer: schoolTrainers[(mi+k+ci)%len(schoolTrainers)]})
				if err != nil {
					return err
				}
				var present []int64
				for i, m := range members {
					skip, skips := skips[m.ID]
					switch {
					case skips && skip == mi:
					case (i+k)%2 == 0 || !mod.Required && r.IntN(3) == 0:
						present = append(present, m.ID) // the one of the two sessions they came to
					}
				}
				if err := s.Mentoring.RecordAttendance(ctx, coord, ses.ID, present); err != nil {
					return err
				}
			}
		}
		checked := start.AddDate(0, 0, 27)
		for i, m := range members {
			n := r.IntN(100)
			switch {
			case c.from+i != 3 && n < 3: // not sat yet
			case c.from+i != 3 && n < 8:
				err = s.Mentoring.RecordFinal(ctx, coord, cohort.ID, m.ID, false, 30+r.IntN(25), checked)
			default:
				err = s.Mentoring.RecordFinal(ctx, coord, cohort.ID, m.ID, true, 62+r.IntN(37), checked)
			}
			if err != nil {
				return fmt.Errorf("final check: %w", err)
			}
		}
	}
	return nil
}
