// Package championship runs the case championships of the young leaders'
// school (issue 13): "youth problems through the eyes of youth", one per
// region. Teams of registered young people take cases, a jury scores each
// team on a rubric of weighted criteria, and a leaderboard ranks them.
//
// The rules of scoring are debate's (cases.go, leaderboard.go): every
// juror's scores are checked by debate.Championship.Score — a juror may
// not score a team of their own region, every criterion is scored within
// its range — and the order is debate's: the weighted mean across jurors,
// ties broken by the heaviest criterion's mean, then the next, then
// registration order. This package keeps them in the database, lets a
// juror re-score (the new scores replace the old, both in the change
// log), and keeps each team's totals and place in that order on its row
// when it is scored, so a page of a leaderboard of 20,000 participants is
// one range of an index (see board.go).
//
// Every action is a method of Service taking the principal, so the web
// room, the API and the Telegram bot act alike.
package championship

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	Region, Org, UserName, InsertChampionship, InsertCriterion         string
	ChampionshipFrom, ChampionshipByID, ChampionshipsInScope, Criteria string
	SetState, InsertTeam, SetTeamKey, YouthPlace, InsertMember         string
	TeamByID, Members, InsertCase, Cases, InsertJuror, Jurors          string
	JurorByID, LockTeam, JurorScores, DeleteScores, InsertScore        string
	TeamSums, SetTotals, Board, Above, Placings                        string
	RepathOrgs, RepathRegions, RepathTeams, RepathJurors, JurorOf      string
}

// Service keeps case championships.
type Service struct {
	db  *store.DB
	log *audit.Log
	now func() time.Time
	q   queries
}

// New returns the service on db; changes are recorded in log and now is
// the clock.
func New(db *store.DB, log *audit.Log, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, now: now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("championship: %w", err)
	}
	return s, nil
}

// RepathOrgs moves the organisation paths championships copy (wired to
// orgs.Service.OnMove), in the move's transaction.
func (s *Service) RepathOrgs(ctx context.Context, tx *sql.Tx, old, new string) error {
	_, err := tx.ExecContext(ctx, s.q.RepathOrgs, new, len(old)+1, old+"%")
	return err
}

// RepathRegions moves the region paths championships, teams and jurors
// copy (wired to geo.Service.OnMove).
func (s *Service) RepathRegions(ctx context.Context, tx *sql.Tx, old, new string) error {
	for _, q := range []string{s.q.RepathRegions, s.q.RepathTeams, s.q.RepathJurors} {
		if _, err := tx.ExecContext(ctx, q, new, len(old)+1, old+"%"); err != nil {
			return err
		}
	}
	return nil
}

// region returns the id and path of region code, or a field error.
func (s *Service) region(ctx context.Context, q store.Querier, field, code string) (int64, string, error) {
	var id int64
	var path string
	err := q.QueryRowContext(ctx, s.q.Region, code).Scan(&id, &path)
	if errors.Is(err, sql.ErrNoRows) {
		if code == "" {
			return 0, "", errs.Validation(errs.Field(field, "error.required", "Field", field))
		}
		return 0, "", errs.Validation(errs.Field(field, "error.championship_region", "Code", code))
	}
	return id, path, err
}

// manages reports whether p may keep championship c: organisers of its
// organisation and region.
func manages(p access.Principal, c Championship) bool {
	return access.Can(p, access.ManageChampionships, c.Target()) == nil
}

// itoa formats an id for the logs.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }
