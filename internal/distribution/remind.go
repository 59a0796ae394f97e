package distribution

import (
	"context"
	"database/sql"
	"log/slog"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// RemindInterval is how often the server looks for the events of
// tomorrow whose families are to be reminded.
const RemindInterval = 15 * time.Minute

// tellMoved tells the families invited to event before, now after, that
// it moved to another time or place: those whose request still waits for
// something at it.
func (s *Service) tellMoved(ctx context.Context, tx *sql.Tx, before, after Event) error {
	if before.StartsAt.Equal(after.StartsAt) && before.EndsAt.Equal(after.EndsAt) && before.Place == after.Place &&
		before.WarehouseID == after.WarehouseID {
		return nil
	}
	ids, err := s.invited(ctx, tx, after.ID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		coming, err := s.stillComing(ctx, tx, after, id)
		if err != nil {
			return err
		}
		if coming {
			if _, err := s.invite(ctx, tx, after, id, EventMovedMessage, false); err != nil {
				return err
			}
		}
	}
	return nil
}

// RemindDue reminds the families invited to the events of tomorrow, in
// the installation's time zone, that are planned or open (a closed
// event, called off or over, reminds no one): once per request and
// event, and only those whose request still waits for something at it.
// It returns how many reminders it queued.
func (s *Service) RemindDue(ctx context.Context) (int, error) {
	loc, err := s.location(ctx, s.db.R)
	if err != nil {
		return 0, err
	}
	now := s.now().In(loc)
	from := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, loc)
	until := time.Date(now.Year(), now.Month(), now.Day()+2, 0, 0, 0, 0, loc)
	events, err := store.Select(ctx, s.db.R, scanID, s.q.EventsStarting, from.UTC(), until.UTC())
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, id := range events {
		ids, err := s.invited(ctx, s.db.R, id)
		if err != nil {
			return sent, err
		}
		for _, req := range ids {
			err := s.db.Tx(ctx, func(tx *sql.Tx) error {
				e, err := s.event(ctx, tx, id)
				if err != nil || e.Status == Closed {
					return err
				}
				coming, err := s.stillComing(ctx, tx, e, req)
				if err != nil || !coming {
					return err
				}
				queued, err := s.invite(ctx, tx, e, req, ReminderMessage, true)
				if queued {
					sent++
				}
				return err
			})
			if err != nil {
				return sent, err
			}
		}
	}
	return sent, nil
}

// RemindEvery runs RemindDue now and then every interval, until ctx is
// cancelled.
func (s *Service) RemindEvery(ctx context.Context, every time.Duration, logger *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		n, err := s.RemindDue(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			logger.Warn("distribution reminders", "err", err)
		case n > 0:
			logger.Info("distribution reminders", "queued", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func scanID(sc store.Scanner) (int64, error) {
	var id int64
	return id, sc.Scan(&id)
}
