package selection

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
	"github.com/jolproject/jol/internal/youth"
)

// Appeal is a young person's appeal against their place in a ranking.
type Appeal struct {
	ID          int64     `json:"id"`
	SelectionID int64     `json:"selection_id"`
	YouthID     int64     `json:"youth_id"`
	LastName    string    `json:"last_name"`
	FirstName   string    `json:"first_name"`
	OrgPath     string    `json:"-"`
	RegionPath  string    `json:"-"`
	Reason      string    `json:"reason"`
	FiledVia    string    `json:"filed_via"` // self or staff
	State       string    `json:"state"`     // open, upheld or rejected
	Decision    string    `json:"decision,omitempty"`
	OldScore    *float64  `json:"old_score,omitempty"`
	NewScore    *float64  `json:"new_score,omitempty"`
	DecidedAt   time.Time `json:"decided_at,omitzero"`
	CreatedAt   time.Time `json:"created_at"`
	// Existing says the young person had already appealed: the first
	// appeal is returned unchanged.
	Existing bool `json:"existing,omitempty"`
}

// OpenAppeals opens the appeal window of ranked selection id: appeals are
// taken until the end of the day AppealDays days from today.
func (s *Service) OpenAppeals(ctx context.Context, p access.Principal, id int64) (Selection, error) {
	sel, err := s.writable(ctx, p, id, Ranked)
	if err != nil {
		return Selection{}, err
	}
	closes := s.today().AddDate(0, 0, sel.AppealDays)
	err = s.db.Atomic(ctx, func(tx *store.Tx) error {
		if err := s.setState(ctx, tx, sel, Appeals, closes); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "open", Entity: "selection", EntityID: itoa(id),
			OrgPath: sel.OrgPath, RegionPath: sel.RegionPath, After: map[string]any{"appeals_close_on": closes}})
	})
	if err != nil {
		return Selection{}, err
	}
	return s.byID(ctx, s.db.R, id)
}

// FileOwn files the appeal of young person youthID against their place
// in selection id, with a reason: the young person's own page or the bot
// calls it once it knows who they are. See File.
func (s *Service) FileOwn(ctx context.Context, id, youthID int64, reason string) (Appeal, error) {
	return s.file(ctx, youth.Self(youthID), id, youthID, reason, "self")
}

// File files, for young person youth, an appeal against their place in
// selection id, as staff p on their behalf. An appeal is taken while
// appeals are open, until the end of the selection's last day; after it
// it is refused with the date. A young person appeals once in a
// selection: a second appeal, however many arrive at once, returns the
// first with Existing set.
func (s *Service) File(ctx context.Context, p access.Principal, id, youth int64, reason string) (Appeal, error) {
	if err := access.Can(p, access.ManageSelection, p.Scope()); err != nil {
		return Appeal{}, err
	}
	return s.file(ctx, p, id, youth, reason, "staff")
}

func (s *Service) file(ctx context.Context, p access.Principal, id, youth int64, reason, via string) (Appeal, error) {
	reason = strings.TrimSpace(reason)
	sel, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Appeal{}, err
	}
	if via == "staff" && !access.Within(p, sel.Target()) {
		return Appeal{}, errs.ErrNotFound
	}
	switch {
	case sel.State == Appeals && s.today().After(sel.AppealsClose), sel.State == Published:
		return Appeal{}, errs.New(errs.Conflict, "error.selection_appeal_late", "Date", i18n.Day(sel.AppealsClose))
	case sel.State != Appeals:
		return Appeal{}, errs.New(errs.Conflict, "error.selection_appeals_closed")
	}
	if err := errs.Validation(valid.Note(valid.Required(nil, "reason", reason), "reason", reason)...); err != nil {
		return Appeal{}, err
	}
	var orgPath, regionPath string
	err = s.db.R.QueryRowContext(ctx, s.q.ScoreOf, id, youth).Scan(new(float64), new(string), &orgPath, &regionPath)
	if errors.Is(err, sql.ErrNoRows) {
		return Appeal{}, errs.Validation(errs.Field("youth_id", "error.selection_not_candidate", "ID", itoa(youth)))
	} else if err != nil {
		return Appeal{}, err
	}
	if via == "staff" && !access.Within(p, access.Target{OrgPath: orgPath, RegionPath: regionPath}) {
		return Appeal{}, errs.Validation(errs.Field("youth_id", "error.selection_out_of_scope", "ID", itoa(youth)))
	}
	var aid int64
	err = s.db.Atomic(ctx, func(tx *store.Tx) error {
		// Publish takes the same lock and counts the open appeals: the
		// window is checked again under it, so an appeal filed as the
		// last day ends cannot land in a list already published.
		if err := tx.Lock(ctx, "selection:"+itoa(id)); err != nil {
			return err
		}
		cur, err := s.byID(ctx, tx, id)
		if err != nil {
			return err
		}
		if cur.State != Appeals || s.today().After(cur.AppealsClose) {
			return errs.New(errs.Conflict, "error.selection_appeal_late", "Date", i18n.Day(cur.AppealsClose))
		}
		err = tx.QueryRowContext(ctx, s.q.InsertAppeal, id, youth, orgPath, regionPath, reason, via, nullUser(p),
			s.now().UTC()).Scan(&aid)
		if errors.Is(err, sql.ErrNoRows) {
			aid = 0
			return nil
		} else if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "submit", Entity: "selection_appeal", EntityID: itoa(aid),
			OrgPath: orgPath, RegionPath: regionPath, After: map[string]any{"selection": id, "youth": youth, "via": via}})
	})
	if err != nil {
		return Appeal{}, err
	}
	if aid == 0 {
		a, err := s.appeal(ctx, s.db.R, s.q.AppealOfYouth, id, youth)
		a.Existing = true
		return a, err
	}
	return s.appeal(ctx, s.db.R, s.q.AppealByID, aid)
}

// Appeals lists the appeals of selection id, the open ones first.
func (s *Service) Appeals(ctx context.Context, p access.Principal, id int64) ([]Appeal, error) {
	if _, err := s.Get(ctx, p, id); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanAppeal, s.q.AppealFrom+" "+s.q.AppealsOf, id)
}

// appeal reads one appeal with where (AppealByID, AppealOfYouth).
func (s *Service) appeal(ctx context.Context, q store.Querier, where string, args ...any) (Appeal, error) {
	a, err := scanAppeal(q.QueryRowContext(ctx, s.q.AppealFrom+" "+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return Appeal{}, errs.ErrNotFound
	}
	return a, err
}

func scanAppeal(sc store.Scanner) (Appeal, error) {
	var a Appeal
	var oldScore, newScore sql.NullFloat64
	var decided sql.NullTime
	err := sc.Scan(&a.ID, &a.SelectionID, &a.YouthID, &a.LastName, &a.FirstName, &a.OrgPath, &a.RegionPath,
		&a.Reason, &a.FiledVia, &a.State, &a.Decision, &oldScore, &newScore, &decided, &a.CreatedAt)
	if oldScore.Valid {
		a.OldScore = &oldScore.Float64
	}
	if newScore.Valid {
		a.NewScore = &newScore.Float64
	}
	a.DecidedAt, a.CreatedAt = store.TimeOf(decided), a.CreatedAt.UTC()
	return a, err
}
