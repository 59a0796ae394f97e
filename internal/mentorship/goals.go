package mentorship

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// AddGoal sets a goal of mentorship id; p is its mentor or staff who may
// work it. A goal without a status is open.
func (s *Service) AddGoal(ctx context.Context, p access.Principal, id int64, in GoalInput) (Goal, error) {
	var g Goal
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		m, err := s.open(ctx, tx, p, access.WorkMentorships, id)
		if err != nil {
			return err
		}
		if g, err = checkGoal(m, in); err != nil {
			return err
		}
		now := s.now().UTC()
		if err := tx.QueryRowContext(ctx, s.q.InsertGoal, id, g.Title, store.NullDate(g.TargetOn), g.Progress,
			g.Steps, g.StepsDone, g.Status, now).Scan(&g.ID); err != nil {
			return err
		}
		g.Version = 1
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "mentorship_goal", EntityID: itoa(g.ID),
			OrgPath: m.OrgPath, RegionPath: m.RegionPath, After: g})
	})
	return g, err
}

// UpdateGoal changes goal goalID of mentorship id, as it stood at
// version: its progress, steps or status (and its title and date).
func (s *Service) UpdateGoal(ctx context.Context, p access.Principal, id, goalID int64, version int, in GoalInput) (Goal, error) {
	var g Goal
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		m, err := s.open(ctx, tx, p, access.WorkMentorships, id)
		if err != nil {
			return err
		}
		before, err := scanGoal(tx.QueryRowContext(ctx, s.q.Goal, goalID))
		if err != nil || before.MentorshipID != id {
			return errs.ErrNotFound
		}
		if g, err = checkGoal(m, in); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q.UpdateGoal, g.Title, store.NullDate(g.TargetOn), g.Progress, g.Steps,
			g.StepsDone, g.Status, goalID, id, version, s.now().UTC())
		if err := affected(res, err, errs.New(errs.Conflict, "error.conflict")); err != nil {
			return err
		}
		g.ID, g.Version = goalID, version+1
		return s.log.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "mentorship_goal", EntityID: itoa(g.ID),
			OrgPath: m.OrgPath, RegionPath: m.RegionPath, Before: before, After: g})
	})
	return g, err
}

// checkGoal answers every problem of a goal at once and returns it as
// stored: with steps, the progress is the share of steps done.
func checkGoal(m Mentorship, in GoalInput) (Goal, error) {
	if m.Status != Active {
		return Goal{}, errs.New(errs.Conflict, "error.mentorship_not_active")
	}
	if in.Status == "" {
		in.Status = GoalOpen
	}
	g := Goal{MentorshipID: m.ID, Title: strings.TrimSpace(in.Title), TargetOn: store.Day(in.TargetOn),
		Progress: in.Progress, Steps: in.Steps, StepsDone: in.StepsDone, Status: in.Status}
	fs := valid.Name(nil, "title", g.Title, MaxTitle)
	if !g.TargetOn.IsZero() && g.TargetOn.Before(m.StartedOn) {
		fs = append(fs, errs.Field("target_on", "error.goal_target_before_start"))
	}
	switch {
	case g.Steps < 0 || g.Steps > 100 || g.StepsDone < 0 || g.StepsDone > g.Steps:
		fs = append(fs, errs.Field("steps_done", "error.goal_steps"))
	case g.Steps > 0:
		g.Progress = g.StepsDone * 100 / g.Steps
	case g.Progress < 0 || g.Progress > 100:
		fs = append(fs, errs.Field("progress", "error.goal_progress"))
	}
	if !slices.Contains(GoalStatuses(), g.Status) {
		fs = append(fs, valid.Choice("status", GoalStatuses()...))
	}
	return g, errs.Validation(fs...)
}

func scanGoal(sc store.Scanner) (Goal, error) {
	var g Goal
	var target sql.NullTime
	err := sc.Scan(&g.ID, &g.MentorshipID, &g.Title, &target, &g.Progress, &g.Steps, &g.StepsDone, &g.Status, &g.Version)
	g.TargetOn = store.Day(store.TimeOf(target))
	return g, err
}

// affected turns an update that changed no row into refusal.
func affected(res sql.Result, err error, refusal error) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return refusal
	}
	return nil
}
