package championship

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/debate"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Sheet is one juror's scores of one team, by criterion code.
type Sheet struct {
	JurorID int64          `json:"juror_id"`
	TeamID  int64          `json:"team_id"`
	Scores  map[string]int `json:"scores"`
}

// Score records a juror's scores of a team while the championship is
// scoring. Organisers (ManageChampionships) enter any juror's sheet; a
// juror who is a user enters their own (ScoreChampionships). The sheet
// is checked by debate's rules: a juror may not score a team of their
// own region (a place within the juror's region, or the region the team
// lies in), every criterion of the rubric scored within its range, no
// criterion it lacks. A second sheet of the same juror for the same team
// replaces the first; the change log keeps both. The team's totals and
// its key in the leaderboard's order are recomputed in the transaction.
func (s *Service) Score(ctx context.Context, p access.Principal, champ int64, sh Sheet) error {
	c, err := s.byID(ctx, s.db.R, champ)
	if err != nil {
		return err
	}
	j, err := s.juror(ctx, sh.JurorID, champ)
	if err != nil {
		return err
	}
	if !manages(p, c) && (p.UserID == 0 || p.UserID != j.UserID ||
		access.Can(p, access.ScoreChampionships, access.Target{}) != nil) {
		return errs.New(errs.Forbidden, "error.forbidden")
	}
	if c.State != Scoring {
		return stateError(c.State)
	}
	t, err := s.team(ctx, s.db.R, sh.TeamID)
	if err != nil || t.ChampionshipID != champ {
		return errs.New(errs.Invalid, "error.case_unknown_team", "ID", sh.TeamID)
	}
	if err := check(c.Rubric, j, t, sh.Scores); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q.LockTeam, t.ID); err != nil {
			return err
		}
		old, err := store.Select(ctx, tx, scanScore, s.q.JurorScores, t.ID, j.ID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.DeleteScores, t.ID, j.ID); err != nil {
			return err
		}
		now := s.now().UTC()
		for _, cr := range c.Rubric {
			if _, err := tx.ExecContext(ctx, s.q.InsertScore, j.ID, t.ID, cr.Code, sh.Scores[cr.Code], by(p), now); err != nil {
				return err
			}
		}
		if err := s.retotal(ctx, tx, c.Rubric, t.ID); err != nil {
			return err
		}
		ch := audit.Change{Action: "submit", Entity: "championship_team", EntityID: itoa(t.ID),
			OrgPath: c.OrgPath, RegionPath: t.RegionPath, After: sh}
		if len(old) > 0 {
			ch.Action = "rescore"
			ch.Before = Sheet{JurorID: j.ID, TeamID: t.ID, Scores: sheetOf(old)}
		}
		return s.log.Record(ctx, tx, p, ch)
	})
}

// check runs debate's checks of one sheet: a championship of the one
// juror and the one team. The juror's region counts as the team's when
// one of the two places lies within the other.
func check(r []Criterion, j Juror, t Team, scores map[string]int) error {
	dr := make(debate.Rubric, len(r))
	for i, c := range r {
		dr[i] = debate.Criterion{Key: c.Code, Weight: c.Weight, Min: c.Min, Max: c.Max}
	}
	region := j.RegionCode
	if strings.HasPrefix(t.RegionPath, j.RegionPath) || strings.HasPrefix(j.RegionPath, t.RegionPath) {
		region = t.RegionCode
	}
	dc, err := debate.NewChampionship(dr, []debate.Juror{{ID: j.ID, Region: region}},
		[]debate.Team{{ID: t.ID, Region: t.RegionCode}})
	if err != nil {
		return err
	}
	return named(dc.Score(j.ID, t.ID, scores), r)
}

// named puts each criterion's name where debate's messages name its code,
// for the juror who reads them.
func named(err error, r []Criterion) error {
	e := errs.As(err)
	if e == nil {
		return err
	}
	for _, f := range e.Fields {
		for i := 0; i+1 < len(f.Args); i += 2 {
			if f.Args[i] != "Criterion" {
				continue
			}
			for _, c := range r {
				if c.Code == f.Args[i+1] {
					f.Args[i+1] = c.Name
				}
			}
		}
	}
	return err
}

// juror reads juror id of championship champ.
func (s *Service) juror(ctx context.Context, id, champ int64) (Juror, error) {
	j, err := scanJuror(s.db.R.QueryRowContext(ctx, s.q.JurorByID, id))
	if errors.Is(err, sql.ErrNoRows) || (err == nil && j.ChampionshipID != champ) {
		return Juror{}, errs.New(errs.Invalid, "error.case_unknown_juror", "ID", id)
	}
	return j, err
}

type score struct {
	code  string
	value int
}

func scanScore(sc store.Scanner) (score, error) {
	var x score
	return x, sc.Scan(&x.code, &x.value)
}

func sheetOf(xs []score) map[string]int {
	m := make(map[string]int, len(xs))
	for _, x := range xs {
		m[x.code] = x.value
	}
	return m
}
