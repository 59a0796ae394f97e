package mentoring

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Member is a mentor's way through a cohort: the required modules they
// attended a session of (in this cohort), and their final check.
type Member struct {
	MentorID  int64     `json:"mentor_id"`
	Name      string    `json:"name"`
	Attended  int       `json:"attended"` // required modules attended
	Final     string    `json:"final"`    // "", Passed or Failed
	Score     int       `json:"score"`
	CheckedOn time.Time `json:"checked_on,omitzero"`
}

// Progress is a cohort's progress through the school.
type Progress struct {
	Cohort   Cohort         `json:"cohort"`
	Required int            `json:"required"` // the required modules
	Members  []Member       `json:"members"`
	Modules  map[int64]int  `json:"modules"`  // members present at a session of each module
	Sessions int            `json:"sessions"` // held or planned
	Counts   ProgressCounts `json:"counts"`
}

// ProgressCounts sum a cohort's members up.
type ProgressCounts struct {
	Members  int `json:"members"`
	Attended int `json:"attended"` // attended every required module
	Passed   int `json:"passed"`
	Failed   int `json:"failed"`
	Finished int `json:"finished"` // attended every required module and passed
}

// Progress reports cohort id's progress; p needs ViewMentors over it.
func (s *Service) Progress(ctx context.Context, p access.Principal, id int64) (Progress, error) {
	c, err := s.cohort(ctx, p, access.ViewMentors, id)
	if err != nil {
		return Progress{}, err
	}
	pr := Progress{Cohort: c, Modules: map[int64]int{}}
	mods, err := s.Modules(ctx)
	if err != nil {
		return Progress{}, err
	}
	required := map[int64]bool{}
	for _, m := range mods {
		if m.Required {
			required[m.ID] = true
		}
	}
	pr.Required = len(required)
	if pr.Members, err = store.Select(ctx, s.db.R, scanMember, s.q.Members, id); err != nil {
		return Progress{}, err
	}
	members := make(map[int64]*Member, len(pr.Members))
	for i := range pr.Members {
		members[pr.Members[i].MentorID] = &pr.Members[i]
	}
	sessions, err := store.Select(ctx, s.db.R, scanSession, s.q.Sessions, id)
	if err != nil {
		return Progress{}, err
	}
	pr.Sessions = len(sessions)
	module := map[int64]int64{}
	for _, ses := range sessions {
		module[ses.ID] = ses.ModuleID
	}
	type attendance struct{ session, mentor int64 }
	att, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (attendance, error) {
		var a attendance
		return a, sc.Scan(&a.session, &a.mentor)
	}, s.q.Attendance, id)
	if err != nil {
		return Progress{}, err
	}
	// A mentor present at two sessions of one module counts once for it.
	type presence struct{ module, mentor int64 }
	seen := map[presence]bool{}
	for _, a := range att {
		k := presence{module[a.session], a.mentor}
		if seen[k] {
			continue
		}
		seen[k] = true
		pr.Modules[k.module]++
		if m := members[a.mentor]; m != nil && required[k.module] {
			m.Attended++
		}
	}
	for _, m := range pr.Members {
		pr.Counts.add(m, pr.Required)
	}
	return pr, nil
}

func (c *ProgressCounts) add(m Member, required int) {
	c.Members++
	all := m.Attended == required
	if all {
		c.Attended++
	}
	switch m.Final {
	case Passed:
		c.Passed++
		if all {
			c.Finished++
		}
	case Failed:
		c.Failed++
	}
}

// members are cohort id's members by mentor id.
func (s *Service) members(ctx context.Context, id int64) (map[int64]*Member, error) {
	ms, err := store.Select(ctx, s.db.R, scanMember, s.q.Members, id)
	out := make(map[int64]*Member, len(ms))
	for i := range ms {
		out[ms[i].MentorID] = &ms[i]
	}
	return out, err
}

func scanMember(sc store.Scanner) (Member, error) {
	var m Member
	var score sql.NullInt64
	var on sql.NullTime
	err := sc.Scan(&m.MentorID, &m.Name, &m.Final, &score, &on)
	m.Score, m.CheckedOn = int(score.Int64), store.TimeOf(on)
	return m, err
}

func scanSession(sc store.Scanner) (Session, error) {
	var s Session
	err := sc.Scan(&s.ID, &s.CohortID, &s.ModuleID, &s.HeldOn, &s.Trainer)
	s.HeldOn = s.HeldOn.UTC()
	return s, err
}
