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

// RegisterTeam registers a team for championship id while it is open;
// p needs ManageChampionships over it. The team's place and every member
// lie within the championship's region, and a young person is in one
// team of a championship: a member already in another is refused by
// name of field ("members").
func (s *Service) RegisterTeam(ctx context.Context, p access.Principal, id int64, in TeamInput) (Team, error) {
	c, err := s.managed(ctx, p, id)
	if err != nil {
		return Team{}, err
	}
	if c.State != Open {
		return Team{}, stateError(c.State)
	}
	in.Name, in.RegionCode = strings.TrimSpace(in.Name), strings.ToUpper(strings.TrimSpace(in.RegionCode))
	fs := valid.Name(nil, "name", in.Name, MaxName)
	slices.Sort(in.Members)
	in.Members = slices.Compact(in.Members)
	if len(in.Members) == 0 || len(in.Members) > MaxMembers {
		fs = append(fs, errs.Field("members", "error.championship_members", "Max", MaxMembers))
	}
	t := Team{ChampionshipID: id, Name: in.Name, RegionCode: in.RegionCode}
	var regionID int64
	regionID, t.RegionPath, err = s.region(ctx, s.db.R, "region", in.RegionCode)
	if e := errs.As(err); e != nil && e.Code == errs.Invalid {
		fs, err = append(fs, e.Fields...), nil
	} else if err == nil && !strings.HasPrefix(t.RegionPath, c.RegionPath) {
		fs = append(fs, errs.Field("region", "error.championship_outside", "Region", c.RegionCode))
	}
	if err != nil {
		return Team{}, err
	}
	if err := errs.Validation(fs...); err != nil {
		return Team{}, err
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q.InsertTeam, id, t.Name, regionID, t.RegionPath, "pending", by(p),
			s.now().UTC()).Scan(&t.ID)
		if store.IsUniqueViolation(err) {
			return errs.Validation(errs.Field("name", "error.championship_team_taken"))
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.SetTeamKey, boardKey(t.ID, 0, nil), t.ID); err != nil {
			return err
		}
		for _, y := range in.Members {
			if err := s.addMember(ctx, tx, p, c, t.ID, y); err != nil {
				return err
			}
			t.Members = append(t.Members, Member{YouthID: y})
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "championship_team", EntityID: itoa(t.ID),
			OrgPath: c.OrgPath, RegionPath: t.RegionPath, After: t})
	})
	return t, err
}

// addMember puts young person y into team, refusing one unknown (or
// outside p's scope, whom p may not know), out of the championship's
// region or already in a team of it.
func (s *Service) addMember(ctx context.Context, tx *sql.Tx, p access.Principal, c Championship, team, y int64) error {
	var orgPath, place string
	err := tx.QueryRowContext(ctx, s.q.YouthPlace, y).Scan(&orgPath, &place)
	if errors.Is(err, sql.ErrNoRows) || err == nil && !access.Within(p, access.Target{OrgPath: orgPath, RegionPath: place}) {
		return errs.Validation(errs.Field("members", "error.championship_member_unknown", "ID", y))
	} else if err != nil {
		return err
	}
	if !strings.HasPrefix(place, c.RegionPath) {
		return errs.Validation(errs.Field("members", "error.championship_member_region", "ID", y, "Region", c.RegionCode))
	}
	res, err := tx.ExecContext(ctx, s.q.InsertMember, c.ID, y, team)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errs.Validation(errs.Field("members", "error.championship_member_taken", "ID", y))
	}
	return nil
}

// Team returns team id of a championship p may see, with its members
// (names of young people: only for staff who may read young people where
// the championship is held) and cases.
func (s *Service) Team(ctx context.Context, p access.Principal, id int64) (Team, error) {
	t, err := s.team(ctx, s.db.R, id)
	if err != nil {
		return Team{}, err
	}
	c, err := s.byID(ctx, s.db.R, t.ChampionshipID)
	if err != nil {
		return Team{}, err
	}
	if err := s.canView(ctx, p, c); err != nil {
		return Team{}, err
	}
	// A juror from elsewhere opens the team to score it, not its members.
	if access.Can(p, access.ViewYouth, c.Target()) == nil {
		if t.Members, err = store.Select(ctx, s.db.R, func(sc store.Scanner) (Member, error) {
			var m Member
			return m, sc.Scan(&m.YouthID, &m.LastName, &m.FirstName, &m.RegionPath)
		}, s.q.Members, id); err != nil {
			return Team{}, err
		}
	}
	t.Cases, err = store.Select(ctx, s.db.R, func(sc store.Scanner) (Case, error) {
		var k Case
		return k, sc.Scan(&k.ID, &k.TeamID, &k.Title, &k.Description, &k.Origin)
	}, s.q.Cases, id)
	return t, err
}

func (s *Service) team(ctx context.Context, q store.Querier, id int64) (Team, error) {
	var t Team
	err := q.QueryRowContext(ctx, s.q.TeamByID, id).Scan(&t.ID, &t.ChampionshipID, &t.Name, &t.RegionCode,
		&t.RegionPath, &t.Jurors, &t.Num, &t.Den)
	if errors.Is(err, sql.ErrNoRows) {
		return Team{}, errs.ErrNotFound
	}
	return t, err
}

// managed reads championship id for p, who must manage it.
func (s *Service) managed(ctx context.Context, p access.Principal, id int64) (Championship, error) {
	c, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Championship{}, err
	}
	if err := access.Can(p, access.ManageChampionships, c.Target()); err != nil {
		return Championship{}, err
	}
	return c, nil
}
