package demo

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/courses"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/volunteers"
)

// The demo's volunteer side beside after-care's thirteen: 27 more
// volunteers (40 in all) — distributors and drivers for the distribution
// days, teachers for the summer courses — ten of them with a login of
// their own; needs with their sign-ups; hours logged, most approved, a
// few waiting and one rejected; two free courses with their children and
// attendance.

var (
	// demoFirst are first names, each with whether it is a woman's: her
	// surname takes its feminine form.
	demoFirst = []struct {
		name  string
		woman bool
	}{{"Айдана", true}, {"Руслан", false}, {"Жанар", true}, {"Арман", false}, {"Ольга", true},
		{"Данияр", false}, {"Гульнара", true}, {"Максим", false}, {"Алия", true}, {"Ерболат", false},
		{"Салтанат", true}, {"Игорь", false}, {"Дана", true}}
	demoLast = []string{"Касымов", "Ахметов", "Нурпеисов", "Жумабаев", "Петров", "Султанов", "Ибраев",
		"Ковалёв", "Мухтаров", "Оспанов", "Тлеубаев", "Голованов", "Садыков"}
	demoRegions  = []string{"KZ-35", "KZ-71", "KZ-75"}
	demoSubjects = []string{"math", "english", "kazakh", "informatics", "russian"}
)

// moreVolunteers registers the 27 volunteers; the first ten get logins,
// whose principals it returns by volunteer id.
func moreVolunteers(ctx context.Context, s *services.Services, coord access.Principal, ids map[string]int64) (map[int64]access.Principal, []int64, error) {
	logins := map[int64]access.Principal{}
	var teachers []int64
	for i := range 27 {
		first, last := demoFirst[i%len(demoFirst)], demoLast[(i*5+3)%len(demoLast)]
		if first.woman {
			last = feminine(last)
		}
		name := first.name + " " + last
		email := fmt.Sprintf("volunteer%02d@demo.jol.example", i+1)
		in := aftercare.VolunteerInput{Name: name, Email: email, RegionCode: demoRegions[i%3], OrgID: ids["fund"],
			Active: true, Languages: []string{"kk", "ru"}, Slots: []string{"sat.morning", "sun.morning"}}
		switch i % 3 {
		case 0:
			in.Skills = []aftercare.Skill{aftercare.Distribution, aftercare.Driving}
		case 1:
			in.Skills = []aftercare.Skill{aftercare.Distribution}
			in.Slots = append(in.Slots, "wed.evening")
		default:
			in.Skills = []aftercare.Skill{aftercare.Teaching}
			in.Subjects = []string{demoSubjects[i%len(demoSubjects)]}
			in.Languages = append(in.Languages, "en")
		}
		if i < 10 {
			u, err := s.Accounts.Create(ctx, access.System, accounts.NewUser{Email: email, Name: name,
				Role: access.Volunteer, OrgID: ids["fund"], Locale: "ru", Password: Password})
			if err != nil {
				return nil, nil, fmt.Errorf("demo volunteer login %s: %w", email, err)
			}
			in.UserID = u.ID
		}
		v, err := s.Aftercare.CreateVolunteer(ctx, coord, in)
		if err != nil {
			return nil, nil, fmt.Errorf("demo volunteer %s: %w", name, err)
		}
		if in.UserID != 0 {
			u, err := s.Accounts.Lookup(ctx, in.UserID)
			if err != nil {
				return nil, nil, err
			}
			logins[v.ID] = u.Principal()
		}
		if i%3 == 2 {
			teachers = append(teachers, v.ID)
		}
	}
	return logins, teachers, nil
}

// seedVolunteering seeds the needs, sign-ups, hours and courses.
func seedVolunteering(ctx context.Context, s *services.Services, today time.Time, ids map[string]int64) error {
	coord := demoPrincipal(ctx, s, "coordinator")
	if n, err := s.Volunteers.NeedsCount(ctx, access.System, volunteers.NeedFilter{From: today.AddDate(-1, 0, 0)}); err != nil || n.N > 0 {
		return err
	}
	logins, teachers, err := moreVolunteers(ctx, s, coord, ids)
	if err != nil {
		return err
	}
	var who []access.Principal // by volunteer, in the order registered
	for _, id := range slices.Sorted(maps.Keys(logins)) {
		who = append(who, logins[id])
	}
	day := today.AddDate(0, 0, 5)
	// The Karaganda day is this year's Road to School's, so its hours
	// count on the campaign's dashboard.
	var road int64
	if c, err := s.Campaigns.Public(ctx, roadSlug(today.Year())); err == nil {
		road = c.ID
	}
	needs := []volunteers.NeedInput{
		{CampaignID: road, Role: aftercare.Distribution, Title: "Раздача школьных наборов", Place: "Центр поддержки детей, Караганда",
			OnDate: day, Wanted: 6, RegionCode: "KZ-35", OrgID: ids["fund"]},
		{Role: aftercare.Driving, Title: "Доставка рюкзаков в центры", Place: "Астана", OnDate: day.AddDate(0, 0, 2),
			Wanted: 3, RegionCode: "KZ-71", OrgID: ids["fund"]},
		{Role: aftercare.Distribution, Title: "Мектепке жол: күз жәрмеңкесі", Place: "Алматы", OnDate: day.AddDate(0, 0, 9),
			Wanted: 10, RegionCode: "KZ-75", OrgID: ids["fund"]},
	}
	var made []volunteers.Need
	for i, in := range needs {
		n, err := s.Volunteers.CreateNeed(ctx, coord, in)
		if err != nil {
			return fmt.Errorf("demo need %s: %w", in.Title, err)
		}
		// 5 of 6 in Karaganda, the drivers full, 2 in Almaty.
		for _, p := range who[:min([]int{5, 3, 2}[i], len(who))] {
			if _, err := s.Volunteers.SignUp(ctx, p, n.ID); err != nil {
				return fmt.Errorf("demo sign-up: %w", err)
			}
		}
		made = append(made, n)
	}
	for i, p := range who[:min(8, len(who))] {
		in := volunteers.HoursInput{WorkedOn: today.AddDate(0, 0, -1-i%4), Minutes: 120 + 30*i,
			Note: "Сортировка наборов на складе"}
		if i < 5 { // those signed up to the Karaganda day log for it
			in.NeedID = made[0].ID
		}
		h, err := s.Volunteers.LogHours(ctx, p, in)
		if err != nil {
			return fmt.Errorf("demo hours: %w", err)
		}
		switch {
		case i < 5:
			_, err = s.Volunteers.DecideHours(ctx, coord, h.ID, h.Version, volunteers.Decision{Approve: true})
		case i == 5:
			_, err = s.Volunteers.DecideHours(ctx, coord, h.ID, h.Version, volunteers.Decision{
				Reason: "Склад в этот день был закрыт; уточните дату."})
		}
		if err != nil {
			return fmt.Errorf("demo decision: %w", err)
		}
	}
	if err := lastSummer(ctx, s, coord, today, ids, logins, teachers); err != nil {
		return err
	}
	return seedCourses(ctx, s, coord, today, ids, teachers)
}

// seedCourses adds two summer courses that ended before today, enrols
// children of the registry in their grades and records who came.
func seedCourses(ctx context.Context, s *services.Services, coord access.Principal, today time.Time,
	ids map[string]int64, teachers []int64) error {
	start := today.AddDate(0, 0, -40)
	list := []courses.Input{
		{Title: "Жазғы математика", Lang: "kk", Subject: "math", GradeMin: 1, GradeMax: 6, Place: "№12 мектеп, Алматы",
			Capacity: 12, RegionCode: "KZ-75", Teachers: teachers[:1]},
		{Title: "Summer English club", Lang: "en", Subject: "english", GradeMin: 3, GradeMax: 11,
			Place: "Библиотека, Алматы", Capacity: 8, RegionCode: "KZ-75", Teachers: teachers[1:3]},
	}
	kids, _, err := s.People.List(ctx, coord, people.Filter{RegionCode: "KZ-75", MinAge: 7, MaxAge: 16},
		people.Page{Limit: 60})
	if err != nil {
		return err
	}
	for ci, in := range list {
		in.OrgID, in.StartsOn, in.EndsOn = ids["fund"], start, start.AddDate(0, 0, 27)
		c, err := s.Courses.Create(ctx, coord, in)
		if err != nil {
			return fmt.Errorf("demo course %s: %w", in.Title, err)
		}
		var enrolled []int64
		for _, k := range kids[ci*20:] {
			if len(enrolled) == in.Capacity-ci*2 {
				break
			}
			e, err := s.Courses.Enrol(ctx, coord, c.ID, courses.EnrolInput{PersonID: k.ID})
			if err != nil {
				continue // outside the course's grades
			}
			enrolled = append(enrolled, e.ID)
		}
		for w := range 4 {
			se, err := s.Courses.AddSession(ctx, coord, c.ID, start.AddDate(0, 0, 7*w+1), "")
			if err != nil {
				return fmt.Errorf("demo session: %w", err)
			}
			var marks []courses.Mark
			for i, e := range enrolled {
				marks = append(marks, courses.Mark{EnrolmentID: e, Present: (i+w)%4 != 0})
			}
			if _, err := s.Courses.RecordAttendance(ctx, coord, se.ID, marks); err != nil {
				return fmt.Errorf("demo attendance: %w", err)
			}
		}
	}
	return nil
}
