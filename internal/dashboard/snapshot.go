package dashboard

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// A snapshot keeps a campaign's counts over its requests per region path:
// cheap to read, and narrowed to a reader's region subtree by prefix.
//
// Why a snapshot and not tallies kept by every write: a request's status
// is changed by review, allocation, distribution, deliveries, merges and
// withdrawals, and a child's categories change apart from any request;
// keeping region × item × status × category tallies exact in all those
// writers would spread the dashboard through every domain. The dashboard
// tolerates minutes of lag, shown as its "as of" time, and one refresh is
// a few GROUP BYs that read (on a read connection, holding no write lock)
// and then swap a few thousand rows in one short write.

// Families of cells.
const (
	familyStatus   = "status"
	familyItem     = "item"
	familyCategory = "category"
)

// cell is one count of a snapshot.
type cell struct {
	Family     string
	RegionPath string
	KeyID      int64
	Status     string
	Requests   int64
	Quantity   int64
}

// Refresh takes campaign id's counts anew. It checks no principal: it is
// run by the refresh job and by the first view of a campaign.
func (s *Service) Refresh(ctx context.Context, id int64) error {
	start := s.d.Now()
	tx, err := s.d.DB.R.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	var cells []cell
	for _, f := range []struct{ family, query string }{
		{familyStatus, s.q.CountStatus}, {familyItem, s.q.CountItems}, {familyCategory, s.q.CountCategories},
	} {
		rows, err := store.Select(ctx, tx, func(sc store.Scanner) (cell, error) {
			c := cell{Family: f.family}
			return c, sc.Scan(&c.RegionPath, &c.KeyID, &c.Status, &c.Requests, &c.Quantity)
		}, f.query, id)
		if err != nil {
			return err
		}
		cells = append(cells, rows...)
	}
	_ = tx.Rollback()
	took := s.d.Now().Sub(start)
	return s.d.DB.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q.DeleteCells, id); err != nil {
			return err
		}
		stmt, err := tx.PrepareContext(ctx, s.q.InsertCell)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, c := range cells {
			if _, err := stmt.ExecContext(ctx, id, c.Family, c.RegionPath, c.KeyID, c.Status, c.Requests, c.Quantity); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, s.q.SaveSnapshot, id, start.UTC(), took.Milliseconds())
		return err
	})
}

// snapshot returns campaign id's cells and when they were taken: taking
// them first when there are none, and asking the job queue for fresh ones
// when they are older than MaxAge.
func (s *Service) snapshot(ctx context.Context, id int64) ([]cell, time.Time, error) {
	var at time.Time
	var queued sql.NullTime
	err := s.d.DB.R.QueryRowContext(ctx, s.q.Snapshot, id).Scan(&at, &queued)
	if errors.Is(err, sql.ErrNoRows) {
		if err := s.Refresh(ctx, id); err != nil {
			return nil, time.Time{}, err
		}
		err = s.d.DB.R.QueryRowContext(ctx, s.q.Snapshot, id).Scan(&at, &queued)
	}
	if err != nil {
		return nil, time.Time{}, err
	}
	if now := s.d.Now(); now.Sub(at) > s.d.MaxAge(ctx) && (!queued.Valid || queued.Time.Before(at)) {
		if err := s.queueRefresh(ctx, id, now); err != nil {
			return nil, time.Time{}, err
		}
	}
	cells, err := store.Select(ctx, s.d.DB.R, func(sc store.Scanner) (cell, error) {
		var c cell
		return c, sc.Scan(&c.Family, &c.RegionPath, &c.KeyID, &c.Status, &c.Requests, &c.Quantity)
	}, s.q.Cells, id)
	return cells, at, err
}
