// Package selection runs the staged selection of the school of young
// leaders (issue 13): regional rounds, then macro-regional quotas, then
// the top list — 400 young leaders by default — with appeals within a
// deadline and a published shortlist.
//
// Stage 1 is the regional rounds: each candidate, a registered young
// person, has one score in a selection, entered by hand, read from a
// list, or pulled from a finished competition through a Source (the
// case championship and the debate tournament provide one). A young
// person scored twice in one selection is refused: the first score is
// corrected instead.
//
// Stage 2 ranks the candidates of each macro-region (the macro-region of
// the top-level region they live in, from the installation's table, see
// MacroRegions) and takes the best of each up to its quota; the places a
// macro-region cannot fill go to the best remaining candidates of any
// macro-region (Rank). Every candidate's row says why they are, or are
// not, in the list.
//
// A selection runs collecting → ranked → appeals → published. Appeals
// are taken from the young person (FileOwn, for their page or the bot)
// or from staff on their behalf (File) until the last day of the appeal
// window; a coordinator upholds one (the score is corrected and the
// candidates ranked anew) or rejects it with a reason. The shortlist is
// published once the window has closed and every appeal is decided; it
// names only the young people who consented, the others as a participant
// from their region.
package selection

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	MacroAll, MacroSet, MacroDelete, RegionPath, OrgByID                    string
	InsertSelection, DeleteQuotas, InsertQuota, Quotas                      string
	SelectionFrom, SelectionByID, SelectionsInScope, SetState               string
	InsertRound, RoundByName, Rounds, YouthPlace, InsertScore, ScoreOf      string
	UpdateScore, Candidates, DeleteResults, InsertResult, Results, ResultOf string
	InsertAppeal, AppealFrom, AppealByID, AppealOfYouth, AppealsOf          string
	DecideAppeal, OpenAppeals, Shortlist, OfYouth                           string
	RepathSelectionOrgs, RepathScoreOrgs, RepathAppealOrgs                  string
	RepathSelectionRegions, RepathScoreRegions, RepathAppealRegions         string
}

// Service runs selections.
type Service struct {
	db  *store.DB
	log *audit.Log
	now func() time.Time
	q   queries
	// sources are the competitions' results by name (AddSource).
	sources map[string]Source
}

// New returns the service on db; changes are recorded in log and now is
// the clock.
func New(db *store.DB, log *audit.Log, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, now: now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("selection: %w", err)
	}
	return s, nil
}

// Get returns selection id if p may see it.
func (s *Service) Get(ctx context.Context, p access.Principal, id int64) (Selection, error) {
	if err := access.Can(p, access.ViewSelection, p.Scope()); err != nil {
		return Selection{}, err
	}
	sel, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Selection{}, err
	}
	if err := access.Can(p, access.ViewSelection, sel.Target()); err != nil {
		return Selection{}, errs.ErrNotFound
	}
	return sel, nil
}

// List returns the selections within p's scope, newest first, and the
// next page's cursor.
func (s *Service) List(ctx context.Context, p access.Principal, pg store.Page) ([]Selection, string, error) {
	if err := access.Can(p, access.ViewSelection, p.Scope()); err != nil {
		return nil, "", err
	}
	sels, err := store.Select(ctx, s.db.R, scanSelection, s.q.SelectionFrom+" "+s.q.SelectionsInScope,
		store.Args(p.ScopeArgs(), []any{pg.BeforeArg(), pg.LimitArg()})...)
	if err != nil {
		return nil, "", err
	}
	sels, next := store.Trim(pg, sels, func(x Selection) int64 { return x.ID })
	return sels, next, nil
}

// byID reads selection id with its quotas through q.
func (s *Service) byID(ctx context.Context, q store.Querier, id int64) (Selection, error) {
	sel, err := scanSelection(q.QueryRowContext(ctx, s.q.SelectionFrom+" "+s.q.SelectionByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Selection{}, errs.ErrNotFound
	}
	if err != nil {
		return Selection{}, err
	}
	rows, err := q.QueryContext(ctx, s.q.Quotas, id)
	if err != nil {
		return Selection{}, err
	}
	defer rows.Close()
	for rows.Next() {
		var m Macro
		var n int
		if err := rows.Scan(&m, &n); err != nil {
			return Selection{}, err
		}
		sel.Quotas[m] = n
	}
	return sel, rows.Err()
}

func scanSelection(sc store.Scanner) (Selection, error) {
	x := Selection{Quotas: map[Macro]int{}}
	var closes, ranked, published sql.NullTime
	err := sc.Scan(&x.ID, &x.Name, &x.OrgID, &x.OrgName, &x.OrgPath, &x.RegionPath, &x.Places, &x.QuotaMode,
		&x.TieRule, &x.AppealDays, &x.State, &closes, &ranked, &published, &x.Candidates, &x.CreatedAt, &x.UpdatedAt)
	x.AppealsClose = store.Day(store.TimeOf(closes))
	x.RankedAt, x.PublishedAt = store.TimeOf(ranked), store.TimeOf(published)
	x.CreatedAt, x.UpdatedAt = x.CreatedAt.UTC(), x.UpdatedAt.UTC()
	return x, err
}

// setState moves selection sel to state to inside tx, refusing when
// another change moved it first.
func (s *Service) setState(ctx context.Context, tx store.Querier, sel Selection, to State, closes time.Time) error {
	now := s.now().UTC()
	var ranked, published, close sql.NullTime
	switch to {
	case Ranked:
		ranked = sql.NullTime{Time: now, Valid: true}
	case Published:
		published = sql.NullTime{Time: now, Valid: true}
	case Appeals:
		close = store.NullDate(closes)
	}
	res, err := tx.ExecContext(ctx, s.q.SetState, to, close, ranked, published, now, sel.ID, sel.State)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return errs.New(errs.Conflict, "error.selection_changed")
	}
	return nil
}

// today is the clock's calendar day.
func (s *Service) today() time.Time { return store.Day(s.now().UTC()) }

// itoa formats an id for the logs.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// topCode is the code of the top-level region of path ("/KZ/KZ-75/…"
// gives "KZ-75"), or "" for a country.
func topCode(path string) string {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	if len(parts) < 2 {
		return ""
	}
	return parts[1]
}

// WithClock returns a copy of the service whose clock is now: for
// writing a selection that was run earlier, as the demo's is, so that
// its appeal window opens and closes on the days it did.
func (s *Service) WithClock(now func() time.Time) *Service {
	c := *s
	c.now = now
	return &c
}
