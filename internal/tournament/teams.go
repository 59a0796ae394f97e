package tournament

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/debate"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// TeamInput enters a team: its name, school and region (free codes
// compared for equality) and its members' youth IDs in speaking order.
type TeamInput struct {
	Name    string
	School  string
	Region  string
	Members []int64
}

// AddTeam enters a team while the tournament is being set up. Each
// member is a registered young person p may see, in no other team of
// the tournament; a team has as many members as the rules' speakers.
func (s *Service) AddTeam(ctx context.Context, p access.Principal, id int64, in TeamInput) (Team, error) {
	tm := Team{Name: text.Clean(in.Name), School: text.Clean(in.School), Region: text.Clean(in.Region)}
	err := s.setup(ctx, p, id, func(tx *sql.Tx, t Tournament) error {
		var fs []errs.FieldError
		if tm.Name == "" {
			fs = append(fs, errs.Field("name", "error.required", "Field", "name"))
		}
		fs = valid.Line(fs, "name", tm.Name, MaxName)
		fs = valid.Line(fs, "school", tm.School, MaxName)
		fs = valid.Line(fs, "region", tm.Region, MaxName)
		if len(in.Members) != t.Rules.Speakers {
			fs = append(fs, errs.Field("members", "error.tournament_members", "Count", t.Rules.Speakers))
		}
		seen := map[int64]bool{}
		for _, y := range in.Members {
			var m Member
			var orgPath string
			err := tx.QueryRowContext(ctx, s.q.YouthScope, y).Scan(&orgPath, &m.RegionPath)
			if errors.Is(err, sql.ErrNoRows) || err == nil && access.Can(p, access.ViewYouth,
				access.Target{OrgPath: orgPath, RegionPath: m.RegionPath}) != nil {
				fs = append(fs, errs.Field("members", "error.tournament_unknown_youth", "ID", y))
				continue
			} else if err != nil {
				return err
			}
			if seen[y] {
				fs = append(fs, errs.Field("members", "error.tournament_member_twice", "ID", y))
			}
			seen[y] = true
			tm.Members = append(tm.Members, Member{YouthID: y, RegionPath: m.RegionPath})
		}
		if err := errs.Validation(fs...); err != nil {
			return err
		}
		err := tx.QueryRowContext(ctx, s.q.InsertTeam, t.ID, tm.Name, tm.School, tm.Region, s.now().UTC()).Scan(&tm.ID)
		if store.IsUniqueViolation(err) {
			return errs.Validation(errs.Field("name", "error.tournament_team_name"))
		} else if err != nil {
			return err
		}
		for i, m := range tm.Members {
			_, err := tx.ExecContext(ctx, s.q.InsertMember, tm.ID, i+1, t.ID, m.YouthID)
			if store.IsUniqueViolation(err) {
				return errs.Validation(errs.Field("members", "error.tournament_member_taken", "ID", m.YouthID))
			} else if err != nil {
				return err
			}
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "add_team", Entity: "debate_tournament", EntityID: itoa(t.ID),
			OrgPath: t.OrgPath, RegionPath: t.RegionPath, After: tm})
	})
	return tm, err
}

// JudgeInput enters a judge: a name, optionally their login, the school
// and region their conflicts come from and the tab room's rating
// (DefaultJudge when 0).
type JudgeInput struct {
	Name     string
	UserID   int64
	School   string
	Region   string
	Strength int
}

// AddJudge enters a judge while the tournament is being set up.
func (s *Service) AddJudge(ctx context.Context, p access.Principal, id int64, in JudgeInput) (Judge, error) {
	j := Judge{Name: text.Clean(in.Name), UserID: in.UserID, School: text.Clean(in.School),
		Region: text.Clean(in.Region), Strength: in.Strength}
	if j.Strength == 0 {
		j.Strength = DefaultJudge
	}
	err := s.setup(ctx, p, id, func(tx *sql.Tx, t Tournament) error {
		var fs []errs.FieldError
		if j.Name == "" {
			fs = append(fs, errs.Field("name", "error.required", "Field", "name"))
		}
		fs = valid.Line(fs, "name", j.Name, MaxName)
		fs = valid.Line(fs, "school", j.School, MaxName)
		fs = valid.Line(fs, "region", j.Region, MaxName)
		if j.Strength < 0 || j.Strength > debate.MaxStrength {
			fs = append(fs, errs.Field("strength", "error.debate_judge_strength", "Max", debate.MaxStrength))
		}
		if err := errs.Validation(fs...); err != nil {
			return err
		}
		err := tx.QueryRowContext(ctx, s.q.InsertJudge, t.ID, j.Name, store.NullID(j.UserID), j.School, j.Region,
			j.Strength, s.now().UTC()).Scan(&j.ID)
		if store.IsForeignKeyViolation(err) {
			return errs.Validation(errs.Field("user_id", "error.tournament_unknown_user"))
		} else if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "add_judge", Entity: "debate_tournament", EntityID: itoa(t.ID),
			OrgPath: t.OrgPath, RegionPath: t.RegionPath, After: j})
	})
	return j, err
}

// setup runs fn in a transaction on tournament id, which p may manage
// and which is still being set up.
func (s *Service) setup(ctx context.Context, p access.Principal, id int64, fn func(*sql.Tx, Tournament) error) error {
	return s.change(ctx, p, id, func(tx *sql.Tx, t Tournament) error {
		if t.State != Setup {
			return errs.New(errs.Conflict, "error.tournament_started")
		}
		return fn(tx, t)
	})
}

// change runs fn in a transaction on tournament id, which p may manage,
// after raising its version: two changes of one tournament never
// interleave, and the second sees what the first wrote. The raise waits
// for a change under way (PostgreSQL's row lock, SQLite's one writer)
// and the tournament is read again after it, so changes at once are
// taken in turn rather than refused.
func (s *Service) change(ctx context.Context, p access.Principal, id int64, fn func(*sql.Tx, Tournament) error) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		t, err := s.byID(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := access.Can(p, access.ManageTournaments, t.Target()); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.Lock, t.ID, s.now().UTC()); err != nil {
			return err
		}
		if t, err = s.byID(ctx, tx, id); err != nil {
			return err
		}
		return fn(tx, t)
	})
}
