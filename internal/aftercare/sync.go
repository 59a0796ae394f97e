package aftercare

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
)

// SyncInterval is how often the server runs Sync: a device handed over
// gets its tasks within it.
const SyncInterval = time.Minute

// SyncBatch is how many devices (and returned tasks) one transaction of
// Sync handles, so the write lock is never held for long.
const SyncBatch = 500

// handover is a device with the person it was handed over to: the
// handover document and its request line, with the request's scope.
type handover struct {
	unit, item, doc, request int64
	serial                   string
	line                     int
	at                       time.Time
	target                   access.Target
}

func scanHandover(sc store.Scanner) (handover, error) {
	var h handover
	err := sc.Scan(&h.unit, &h.item, &h.serial, &h.doc, &h.request, &h.line, &h.at, &h.target.OrgPath,
		&h.target.RegionPath)
	h.at = h.at.UTC()
	return h, err
}

// Sync brings the tasks in line with the ledger: every device handed over
// to a person that has no task of that handover gets one of each kind,
// due a week (training two weeks) after the handover; every task still to
// do of a device no longer with that person is cancelled
// (DeviceReturned). It returns how many tasks it made and cancelled. Run
// at once by two processes, it makes no task twice (a unique index), and
// a sync cut short is finished by the next.
func (s *Service) Sync(ctx context.Context) (made, cancelled int, err error) {
	for more := true; more && err == nil; {
		var n int
		n, more, err = s.syncBatch(ctx)
		made += n
	}
	for more := true; more && err == nil; {
		var n int
		n, more, err = s.cancelBatch(ctx)
		cancelled += n
	}
	return made, cancelled, err
}

// syncBatch makes the tasks of up to SyncBatch devices; more says there
// may be others.
func (s *Service) syncBatch(ctx context.Context) (made int, more bool, err error) {
	// A read first: most runs find nothing and take no write lock.
	found, err := store.Select(ctx, s.db.R, scanHandover, s.q.SyncCandidates, 1)
	if err != nil || len(found) == 0 {
		return 0, false, err
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		hs, err := store.Select(ctx, tx, scanHandover, s.q.SyncCandidates, SyncBatch)
		if err != nil {
			return err
		}
		more = len(hs) == SyncBatch
		now := s.now().UTC()
		for _, h := range hs {
			for _, k := range Kinds() {
				due := store.Day(h.at).AddDate(0, 0, k.dueDays())
				var id int64
				err := tx.QueryRowContext(ctx, s.q.InsertAutoTask, h.unit, h.item, h.serial, h.doc, h.request, h.line,
					string(k), due, h.target.OrgPath, h.target.RegionPath, now).Scan(&id)
				if errors.Is(err, sql.ErrNoRows) {
					continue // made by another sync meanwhile
				}
				if err != nil {
					return err
				}
				made++
				if err := s.log.Record(ctx, tx, access.System, audit.Change{Action: "create", Entity: "device_task",
					EntityID: itoa(id), OrgPath: h.target.OrgPath, RegionPath: h.target.RegionPath,
					After: map[string]any{"unit_id": h.unit, "serial": h.serial, "handover_doc_id": h.doc, "kind": k,
						"due_on": due.Format(time.DateOnly)}}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return made, more, err
}

// cancelBatch cancels up to SyncBatch tasks of devices no longer with
// their child.
func (s *Service) cancelBatch(ctx context.Context) (cancelled int, more bool, err error) {
	found, err := store.Select(ctx, s.db.R, store.ScanID, s.q.SyncReturned, 1)
	if err != nil || len(found) == 0 {
		return 0, false, err
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		ids, err := store.Select(ctx, tx, store.ScanID, s.q.SyncReturned, SyncBatch)
		if err != nil {
			return err
		}
		more = len(ids) == SyncBatch
		now := s.now().UTC()
		for _, id := range ids {
			t, err := s.task(ctx, tx, id)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, s.q.CancelReturned, id, now); err != nil {
				return err
			}
			after := t
			after.Status, after.CancelReason = Cancelled, DeviceReturned
			cancelled++
			if err := s.log.Record(ctx, tx, access.System, audit.Change{Action: "cancel", Entity: "device_task",
				EntityID: itoa(id), OrgPath: t.orgPath, RegionPath: t.regionPath, Before: t, After: after}); err != nil {
				return err
			}
		}
		return nil
	})
	return cancelled, more, err
}

// SyncEvery runs Sync at once and then every period until ctx ends,
// logging what it did and any failure to logger.
func (s *Service) SyncEvery(ctx context.Context, every time.Duration, logger *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		made, cancelled, err := s.Sync(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			logger.Warn("after-care sync", "err", err)
		case made > 0 || cancelled > 0:
			logger.Info("after-care sync", "tasks_made", made, "tasks_cancelled", cancelled)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
