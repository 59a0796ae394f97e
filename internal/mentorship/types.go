package mentorship

import (
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/valid"
)

// Status is where a mentorship stands.
type Status string

// The statuses: active → completed or ended early (with a reason).
const (
	Active     Status = "active"
	Completed  Status = "completed"
	EndedEarly Status = "ended_early"
)

// Statuses lists the statuses in the order filters offer them.
func Statuses() []Status { return []Status{Active, Completed, EndedEarly} }

// Mentorship is a young person and a mentor working together.
type Mentorship struct {
	ID           int64     `json:"id"`
	YouthID      int64     `json:"youth_id"`
	YouthName    string    `json:"youth_name"`
	RegionCode   string    `json:"region"` // the young person's
	MentorID     int64     `json:"mentor_id"`
	MentorName   string    `json:"mentor_name"`
	MentorUserID int64     `json:"-"`
	OrgPath      string    `json:"-"`
	RegionPath   string    `json:"-"`
	Minor        bool      `json:"minor"` // safeguarding rules apply
	Status       Status    `json:"status"`
	StartedOn    time.Time `json:"started_on"`
	EndedOn      time.Time `json:"ended_on,omitzero"`
	EndReason    string    `json:"end_reason,omitempty"`
	Version      int       `json:"version"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// Target is the mentorship's scope, for access.Can.
func (m Mentorship) Target() access.Target {
	return access.Target{OrgPath: m.OrgPath, RegionPath: m.RegionPath}
}

// The formats of a session, as package mentoring names them.
const (
	InPerson = "in_person"
	Online   = "online"
)

// Session is one meeting of a mentor and a young person.
type Session struct {
	ID           int64     `json:"id"`
	MentorshipID int64     `json:"mentorship_id"`
	HeldOn       time.Time `json:"held_on"`
	Minutes      int       `json:"minutes"`
	Format       string    `json:"format"`
	Topic        string    `json:"topic"`
	CreatedAt    time.Time `json:"created_at"`
}

// SessionInput is a session as the mentor or a coordinator logs it.
type SessionInput struct {
	HeldOn  time.Time
	Minutes int
	Format  string
	Topic   string
}

// Bounds of what a session holds.
const (
	MaxMinutes = 8 * 60        // one session longer than a working day is a typo
	MaxText    = valid.MaxNote // a concern, a note, feedback, a reason: checked as notes
	MaxTitle   = 300
)

// GoalStatus is where a goal stands.
type GoalStatus string

// The goal statuses.
const (
	GoalOpen     GoalStatus = "open"
	GoalAchieved GoalStatus = "achieved"
	GoalDropped  GoalStatus = "dropped"
)

// GoalStatuses lists the goal statuses in the order forms offer them.
func GoalStatuses() []GoalStatus { return []GoalStatus{GoalOpen, GoalAchieved, GoalDropped} }

// Goal is what a young person works towards with their mentor. Progress
// is a percentage; with Steps > 0 it is StepsDone out of Steps.
type Goal struct {
	ID           int64      `json:"id"`
	MentorshipID int64      `json:"mentorship_id"`
	Title        string     `json:"title"`
	TargetOn     time.Time  `json:"target_on,omitzero"`
	Progress     int        `json:"progress"`
	Steps        int        `json:"steps,omitempty"`
	StepsDone    int        `json:"steps_done,omitempty"`
	Status       GoalStatus `json:"status"`
	Version      int        `json:"version"`
}

// GoalInput is a goal as a form or the API gives it.
type GoalInput struct {
	Title     string
	TargetOn  time.Time
	Progress  int
	Steps     int
	StepsDone int
	Status    GoalStatus
}

// Author says who gave feedback.
type Author string

// The two sides of a mentorship.
const (
	ByMentor Author = "mentor"
	ByYouth  Author = "youth"
)

// Feedback is one side's view of a session.
type Feedback struct {
	ID        int64     `json:"id"`
	SessionID int64     `json:"session_id"`
	Author    Author    `json:"author"`
	Rating    int       `json:"rating"` // 1 to 5
	Comment   string    `json:"comment,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}
