package main

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
)

// writeRequests writes n approved requests of one line each in campaign,
// each for a new child of org, with its eligibility result: line k's
// region, item, size and score come from line(k); requests are made a
// minute apart, before now.
func writeRequests(ctx context.Context, db *store.DB, org orgs.Organisation, campaign int64,
	line func(k int) (regionID int64, regionPath string, item int64, size string, score int), n int, now time.Time) error {
	return db.Tx(ctx, func(tx *sql.Tx) error {
		prep := func(q string) (*sql.Stmt, error) { return tx.PrepareContext(ctx, store.Rebind(db.Engine, q)) }
		person, err := prep(`INSERT INTO persons (last_name, first_name, birth_date, region_id, region_path, org_id,
			org_path, grade, status, created_at, updated_at) VALUES ('Child', $1, $2, $3, $4, $5, $6, 3, 'pupil', $7, $7)
			RETURNING id`)
		if err != nil {
			return err
		}
		request, err := prep(`INSERT INTO requests (reference, campaign_id, person_id, applicant_kind, channel, locale,
			status, org_path, region_id, region_path, version, submitted_at, updated_at)
			VALUES ($1, $2, $3, 'parent', 'centre', 'ru', 'approved', $4, $5, $6, 4, $7, $7) RETURNING id`)
		if err != nil {
			return err
		}
		lineIns, err := prep(`INSERT INTO request_lines (request_id, line, item_id, quantity, size) VALUES ($1, 1, $2, 1, $3)`)
		if err != nil {
			return err
		}
		score, err := prep(`INSERT INTO request_scores (request_id, campaign_id, run, status, score, rank_region,
			requested_at) VALUES ($1, $2, 1, 'eligible', $3, $4, $5)`)
		if err != nil {
			return err
		}
		birth := time.Date(2016, 5, 1, 0, 0, 0, 0, time.UTC)
		for k := range n {
			regionID, path, item, size, sc := line(k)
			at := now.Add(-time.Duration(n-k) * time.Minute)
			var pid, rid int64
			if err := person.QueryRowContext(ctx, fmt.Sprint(k), birth, regionID, path, org.ID, org.Path, now).Scan(&pid); err != nil {
				return err
			}
			if err := request.QueryRowContext(ctx, fmt.Sprintf("B%07d", k), campaign, pid, org.Path, regionID, path,
				at).Scan(&rid); err != nil {
				return err
			}
			if _, err := lineIns.ExecContext(ctx, rid, item, size); err != nil {
				return err
			}
			if _, err := score.ExecContext(ctx, rid, campaign, sc, eligibility.RankRegion(path, 2), at); err != nil {
				return err
			}
		}
		return nil
	})
}
