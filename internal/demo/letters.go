package demo

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/courses"
	"github.com/jolproject/jol/internal/letters"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/volunteers"
)

// Last year's "Road to School" has its thank-you letters written: to its
// sponsors (those of this year's who supported it too) and to the three
// volunteer teachers of its summer course, whose hours were approved.
// The Foundation heads them, and its sponsors' receipts, with its
// letterhead, signed by its coordinator. This year's campaigns have no
// letters yet: writing them is the coordinator's to try.

// lastSummer adds last year's summer course of "Road to School" in
// Karaganda, taught by the teachers among the volunteers with a login,
// who log their hours for it; the coordinator approves them.
func lastSummer(ctx context.Context, s *services.Services, coord access.Principal, today time.Time,
	ids map[string]int64, logins map[int64]access.Principal, teachers []int64) error {
	c, err := s.Campaigns.Public(ctx, roadSlug(today.Year()-1))
	if err != nil {
		return err
	}
	var who []int64
	for _, id := range slices.Sorted(maps.Keys(logins)) {
		if slices.Contains(teachers, id) {
			who = append(who, id)
		}
	}
	start := c.StartsOn.AddDate(0, 0, 14)
	course, err := s.Courses.Create(ctx, coord, courses.Input{CampaignID: c.ID, Title: "Летняя школа: русский язык и математика",
		Lang: "ru", Subject: "math", GradeMin: 1, GradeMax: 4, Place: "Центр поддержки детей, Караганда",
		StartsOn: start, EndsOn: start.AddDate(0, 0, 27), Capacity: 15, RegionCode: "KZ-35", OrgID: ids["fund"],
		Teachers: who})
	if err != nil {
		return fmt.Errorf("demo course of last summer: %w", err)
	}
	for i, id := range who {
		for w := range 3 + i {
			h, err := s.Volunteers.LogHours(ctx, logins[id], volunteers.HoursInput{WorkedOn: start.AddDate(0, 0, 7*w+i),
				Minutes: 180, CourseID: course.ID, Note: "Занятие летней школы"})
			if err != nil {
				return fmt.Errorf("demo hours of last summer: %w", err)
			}
			if _, err := s.Volunteers.DecideHours(ctx, coord, h.ID, h.Version, volunteers.Decision{Approve: true}); err != nil {
				return fmt.Errorf("demo hours of last summer: %w", err)
			}
		}
	}
	return nil
}

// seedLetterhead writes the Foundation's letterhead, once.
func seedLetterhead(ctx context.Context, s *services.Services, ids map[string]int64) error {
	head, err := s.Letters.Letterhead(ctx, access.System, ids["fund"])
	if err != nil || head.Version > 0 {
		return err
	}
	head.Lines = []string{"050000, Алматы, пр. Абая, 10", "+7 727 000 00 00", "info@fund.demo.jol.example"}
	head.SignatoryName, head.SignatoryPosition = "Айгерим Садыкова", "Координатор программ"
	if _, err := s.Letters.SaveLetterhead(ctx, access.System, ids["fund"], head); err != nil {
		return fmt.Errorf("demo letterhead: %w", err)
	}
	return nil
}

// seedLetters writes last year's letters, once: a campaign with a run
// already is left as it is.
func seedLetters(ctx context.Context, s *services.Services, year int) error {
	c, err := s.Campaigns.Public(ctx, roadSlug(year-1))
	if err != nil {
		return fmt.Errorf("demo letters: %w", err)
	}
	if runs, err := s.Letters.Runs(ctx, access.System, c.ID); err != nil || len(runs) > 0 {
		return err
	}
	for _, k := range []letters.Kind{letters.SponsorLetter, letters.VolunteerLetter} {
		if _, err := s.Letters.WriteNow(ctx, access.System, c.ID, k); err != nil {
			return fmt.Errorf("demo %s letters: %w", k, err)
		}
	}
	return nil
}
