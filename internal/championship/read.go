package championship

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
)

// Get returns championship id with its rubric if p may see it.
func (s *Service) Get(ctx context.Context, p access.Principal, id int64) (Championship, error) {
	c, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Championship{}, err
	}
	if err := s.canView(ctx, p, c); err != nil {
		return Championship{}, err
	}
	return c, nil
}

// canView lets in the viewers of the championship's scope and its jurors
// who are users.
func (s *Service) canView(ctx context.Context, p access.Principal, c Championship) error {
	err := access.Can(p, access.ViewChampionships, c.Target())
	if err == nil || p.UserID == 0 {
		return err
	}
	js, jerr := s.jurors(ctx, c.ID)
	if jerr != nil {
		return jerr
	}
	for _, j := range js {
		if j.UserID == p.UserID {
			return nil
		}
	}
	return err
}

// List returns the championships within p's scope, newest first, and
// the next page's cursor.
func (s *Service) List(ctx context.Context, p access.Principal, pg store.Page) ([]Championship, string, error) {
	if err := access.Can(p, access.ViewChampionships, p.Scope()); err != nil {
		return nil, "", err
	}
	cs, err := store.Select(ctx, s.db.R, scanChampionship, s.q.ChampionshipFrom+" "+s.q.ChampionshipsInScope,
		store.Args(p.ScopeArgs(), []any{pg.BeforeArg(), pg.LimitArg()})...)
	if err != nil {
		return nil, "", err
	}
	cs, next := store.Trim(pg, cs, func(c Championship) int64 { return c.ID })
	return cs, next, nil
}

// Juries lists the championships p sits on the jury of (the latest
// 100), for a juror with a login to find their scoring forms.
func (s *Service) Juries(ctx context.Context, p access.Principal) ([]Championship, error) {
	if p.UserID == 0 {
		return nil, nil
	}
	if err := access.Can(p, access.ScoreChampionships, access.Target{}); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanChampionship, s.q.ChampionshipFrom+" "+s.q.JurorOf, p.UserID)
}

// byID reads championship id with its rubric, unchecked.
func (s *Service) byID(ctx context.Context, q store.Querier, id int64) (Championship, error) {
	c, err := scanChampionship(q.QueryRowContext(ctx, s.q.ChampionshipFrom+" "+s.q.ChampionshipByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Championship{}, errs.ErrNotFound
	} else if err != nil {
		return Championship{}, err
	}
	c.Rubric, err = store.Select(ctx, q, func(sc store.Scanner) (Criterion, error) {
		var cr Criterion
		return cr, sc.Scan(&cr.Code, &cr.Name, &cr.Weight, &cr.Min, &cr.Max)
	}, s.q.Criteria, id)
	return c, err
}

func scanChampionship(sc store.Scanner) (Championship, error) {
	var c Championship
	err := sc.Scan(&c.ID, &c.OrgID, &c.OrgName, &c.OrgPath, &c.RegionCode, &c.RegionPath, &c.Name, &c.Starts,
		&c.Ends, &c.State, &c.Version, &c.Teams, &c.CreatedAt)
	c.Starts, c.Ends, c.CreatedAt = store.Day(c.Starts.UTC()), store.Day(c.Ends.UTC()), c.CreatedAt.UTC()
	return c, err
}

// SetState moves championship id to state to, one step at a time (open →
// scoring → finished); version is the one the caller saw.
func (s *Service) SetState(ctx context.Context, p access.Principal, id int64, to State, version int) (Championship, error) {
	c, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Championship{}, err
	}
	if err := access.Can(p, access.ManageChampionships, c.Target()); err != nil {
		return Championship{}, err
	}
	if next(c.State) != to || to == "" {
		return Championship{}, stateError(c.State)
	}
	before := c
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.SetState, to, s.now().UTC(), id, version)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errs.New(errs.Conflict, "error.conflict")
		}
		c.State, c.Version = to, c.Version+1
		return s.log.Record(ctx, tx, p, audit.Change{Action: "set_status", Entity: "championship", EntityID: itoa(id),
			OrgPath: c.OrgPath, RegionPath: c.RegionPath, Before: before.State, After: c.State})
	})
	return c, err
}

// next is the state after st, "" after the last.
func next(st State) State {
	switch st {
	case Open:
		return Scoring
	case Scoring:
		return Finished
	}
	return ""
}

// stateError refuses what championship in state st does not allow.
func stateError(st State) error {
	return errs.New(errs.Conflict, "error.championship_state", "State", i18n.Key("championship.state."+string(st)))
}
