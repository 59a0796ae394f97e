package sponsors

import (
	"context"
	"database/sql"
	"log/slog"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
)

// RemindInterval is how often the server looks for pledges come due.
const RemindInterval = time.Hour

// RemindDue marks every pledge due by today, not yet fulfilled and not
// yet marked, as reminded now, and returns those it marked: the
// coordinators' list of due pledges (Reminded) then shows them, and the
// next run finds them marked, so each is listed once. Each pledge marked
// is written to the change log (action remind).
func (s *Service) RemindDue(ctx context.Context) ([]Pledge, error) {
	var marked []Pledge
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		marked = marked[:0]
		due, err := s.pledges(ctx, tx, s.q.DuePledges, s.today())
		if err != nil {
			return err
		}
		now := s.now().UTC()
		for _, pl := range due {
			res, err := tx.ExecContext(ctx, s.q.MarkReminded, now, pl.ID)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				continue
			}
			pl.RemindedAt = now
			if err := s.log.Record(ctx, tx, access.System, audit.Change{Action: "remind", Entity: "pledge",
				EntityID: itoa(pl.ID), OrgPath: pl.orgPath, After: pl}); err != nil {
				return err
			}
			marked = append(marked, pl)
		}
		return nil
	})
	return marked, err
}

// RemindEvery runs RemindDue at once and then every period until ctx
// ends, logging what it marked.
func (s *Service) RemindEvery(ctx context.Context, every time.Duration, logger *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		marked, err := s.RemindDue(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			logger.Warn("pledge reminders", "err", err)
		case len(marked) > 0:
			logger.Info("pledge reminders", "pledges_due", len(marked))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Reminded lists the pledges come due and still not fulfilled of the
// sponsors p sees, by due day: what coordinators are to follow up.
func (s *Service) Reminded(ctx context.Context, p access.Principal) ([]Pledge, error) {
	if err := access.Can(p, access.ViewSponsors, p.Scope()); err != nil {
		return nil, err
	}
	lo, hi := access.Span(p.OrgPath)
	return s.pledges(ctx, s.db.R, s.q.Reminded, lo, hi)
}
