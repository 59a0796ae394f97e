package tournament

import (
	"context"
	"database/sql"
	"errors"
	"math/rand/v2"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/debate"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// Input creates a tournament. OrgID is the organising branch (p's own
// when 0); RegionID the region it is held for (the branch's when 0).
// Rules left zero take debate.DefaultRules.
type Input struct {
	OrgID      int64
	RegionID   int64
	Name       string
	Prelims    int
	BreakSize  int
	Qualifiers int
	Rules      Rules
}

// Create creates a tournament in the setup state; p needs
// ManageTournaments where it is held.
func (s *Service) Create(ctx context.Context, p access.Principal, in Input) (Tournament, error) {
	if err := access.Can(p, access.ManageTournaments, p.Scope()); err != nil {
		return Tournament{}, err
	}
	in.Name = text.Clean(in.Name)
	if in.Rules == (Rules{}) {
		d := debate.DefaultRules
		in.Rules = Rules{Speakers: d.SpeakersPerTeam, MinScore: d.MinScore, MaxScore: d.MaxScore, PanelSize: d.PanelSize}
	}
	var fs []errs.FieldError
	if in.Name == "" {
		fs = append(fs, errs.Field("name", "error.required", "Field", "name"))
	}
	fs = valid.Line(fs, "name", in.Name, MaxName)
	if in.Prelims < 1 || in.Prelims > MaxPrelims {
		fs = append(fs, errs.Field("prelims", "error.tournament_prelims", "Max", MaxPrelims))
	}
	if in.BreakSize < 2 || in.BreakSize > MaxTeams || in.BreakSize&(in.BreakSize-1) != 0 {
		fs = append(fs, errs.Field("break_size", "error.tournament_break_size"))
	}
	if in.Qualifiers < 1 || in.Qualifiers > in.BreakSize {
		fs = append(fs, errs.Field("qualifiers", "error.tournament_qualifiers"))
	}
	if err := (debate.Tournament{Rules: in.Rules.debate(), Teams: []debate.Team{{ID: 1}, {ID: 2}}}).Validate(); err != nil {
		if e := errs.As(err); e != nil {
			fs = append(fs, e.Fields...)
		}
	}
	if in.OrgID == 0 {
		in.OrgID = p.OrgID
	}
	if in.OrgID == 0 {
		fs = append(fs, errs.Field("org_id", "error.required", "Field", "org_id"))
	}
	if err := errs.Validation(fs...); err != nil {
		return Tournament{}, err
	}
	t := Tournament{Name: in.Name, Prelims: in.Prelims, BreakSize: in.BreakSize, Qualifiers: in.Qualifiers,
		Rules: in.Rules, Seed: rand.Int64(), State: Setup, Version: 1, CreatedAt: s.now().UTC()}
	t.UpdatedAt = t.CreatedAt
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q.ScopeOrg, in.OrgID).Scan(&t.OrgID, &t.OrgName, &t.OrgPath, &t.RegionID, &t.RegionPath)
		if errors.Is(err, sql.ErrNoRows) {
			return errs.Validation(errs.Field("org_id", "error.unknown_org"))
		} else if err != nil {
			return err
		}
		if in.RegionID != 0 {
			t.RegionID = in.RegionID
			err := tx.QueryRowContext(ctx, s.q.Region, in.RegionID).Scan(&t.RegionPath)
			if errors.Is(err, sql.ErrNoRows) {
				return errs.Validation(errs.Field("region_id", "error.unknown_region", "Code", in.RegionID))
			} else if err != nil {
				return err
			}
		}
		if t.RegionID == 0 {
			return errs.Validation(errs.Field("region_id", "error.required", "Field", "region_id"))
		}
		if access.Can(p, access.ManageTournaments, t.Target()) != nil {
			return errs.Validation(errs.Field("org_id", "error.org_out_of_scope"))
		}
		r := t.Rules
		if err := tx.QueryRowContext(ctx, s.q.Insert, t.OrgID, t.OrgPath, t.RegionID, t.RegionPath, t.Name, t.Prelims,
			t.BreakSize, t.Qualifiers, r.Speakers, r.MinScore, r.MaxScore, r.PanelSize, t.Seed, t.State,
			nullUser(p), t.CreatedAt).Scan(&t.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "debate_tournament", EntityID: itoa(t.ID),
			OrgPath: t.OrgPath, RegionPath: t.RegionPath, After: t})
	})
	if err != nil {
		return Tournament{}, err
	}
	return s.Get(ctx, p, t.ID)
}

func nullUser(p access.Principal) sql.NullInt64 {
	return sql.NullInt64{Int64: p.UserID, Valid: p.UserID != 0}
}
