package championship

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// AddCase gives team a case (Assigned) or records the one it brought
// (Submitted), before the championship is finished; p needs
// ManageChampionships over it.
func (s *Service) AddCase(ctx context.Context, p access.Principal, team int64, k Case) (Case, error) {
	t, err := s.team(ctx, s.db.R, team)
	if err != nil {
		return Case{}, err
	}
	c, err := s.managed(ctx, p, t.ChampionshipID)
	if err != nil {
		return Case{}, err
	}
	if c.State == Finished {
		return Case{}, stateError(c.State)
	}
	k.TeamID, k.Title, k.Description = team, strings.TrimSpace(k.Title), strings.TrimSpace(k.Description)
	fs := valid.Name(nil, "title", k.Title, MaxCaseTitle)
	fs = valid.Note(fs, "description", k.Description)
	if k.Origin != Assigned && k.Origin != Submitted {
		fs = append(fs, valid.Choice("origin", Assigned, Submitted))
	}
	if err := errs.Validation(fs...); err != nil {
		return Case{}, err
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q.InsertCase, c.ID, team, k.Title, k.Description, k.Origin, by(p),
			s.now().UTC()).Scan(&k.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "championship_case", EntityID: itoa(k.ID),
			OrgPath: c.OrgPath, RegionPath: t.RegionPath, After: k})
	})
	return k, err
}

// AddJuror puts a juror on championship id's jury before it is
// finished; p needs ManageChampionships over it. A juror's region is
// where they come from: they may score no team of it.
func (s *Service) AddJuror(ctx context.Context, p access.Principal, id int64, in JurorInput) (Juror, error) {
	c, err := s.managed(ctx, p, id)
	if err != nil {
		return Juror{}, err
	}
	if c.State == Finished {
		return Juror{}, stateError(c.State)
	}
	js, err := s.jurors(ctx, id)
	if err != nil {
		return Juror{}, err
	}
	if len(js) >= MaxJurors {
		return Juror{}, errs.New(errs.Invalid, "error.championship_jury_full", "Max", MaxJurors)
	}
	j := Juror{ChampionshipID: id, UserID: in.UserID, Name: strings.TrimSpace(in.Name),
		RegionCode: strings.ToUpper(strings.TrimSpace(in.RegionCode))}
	var fs []errs.FieldError
	if j.UserID != 0 {
		err := s.db.R.QueryRowContext(ctx, s.q.UserName, j.UserID).Scan(&j.Name)
		if errors.Is(err, sql.ErrNoRows) {
			fs = append(fs, errs.Field("user_id", "error.championship_user_unknown", "ID", j.UserID))
		} else if err != nil {
			return Juror{}, err
		}
		if slices.ContainsFunc(js, func(x Juror) bool { return x.UserID == j.UserID }) {
			fs = append(fs, errs.Field("user_id", "error.championship_juror_taken"))
		}
	} else {
		fs = valid.Name(fs, "name", j.Name, MaxName)
	}
	var regionID int64
	regionID, j.RegionPath, err = s.region(ctx, s.db.R, "region", j.RegionCode)
	if e := errs.As(err); e != nil && e.Code == errs.Invalid {
		fs, err = append(fs, e.Fields...), nil
	}
	if err != nil {
		return Juror{}, err
	}
	if err := errs.Validation(fs...); err != nil {
		return Juror{}, err
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q.InsertJuror, id, sql.NullInt64{Int64: j.UserID, Valid: j.UserID != 0},
			j.Name, regionID, j.RegionPath, s.now().UTC()).Scan(&j.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "championship_juror", EntityID: itoa(j.ID),
			OrgPath: c.OrgPath, RegionPath: c.RegionPath, After: j})
	})
	return j, err
}

// Jurors lists championship id's jury, if p may see the championship.
func (s *Service) Jurors(ctx context.Context, p access.Principal, id int64) ([]Juror, error) {
	if _, err := s.Get(ctx, p, id); err != nil {
		return nil, err
	}
	return s.jurors(ctx, id)
}

func (s *Service) jurors(ctx context.Context, id int64) ([]Juror, error) {
	return store.Select(ctx, s.db.R, scanJuror, s.q.Jurors, id)
}

func scanJuror(sc store.Scanner) (Juror, error) {
	var j Juror
	return j, sc.Scan(&j.ID, &j.ChampionshipID, &j.UserID, &j.Name, &j.RegionCode, &j.RegionPath)
}
