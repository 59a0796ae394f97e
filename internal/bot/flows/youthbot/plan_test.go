package youthbot_test

import (
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/bot/flows/youthbot"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// changeIndexes are the indexes of migration 0051 the query of changes
// starts each of its parts from.
var changeIndexes = []string{
	"match_proposals_updated", "mentorships_updated",
	"mentorship_sessions_created", "youth_chats_created",
}

// TestChangesReadIndexes pins where a pass after the first starts: each
// part of the query of changes searches its table's time index from the
// watermark on, and no part reads a whole table. On SQLite the plan is
// that of a database never analysed, as the application leaves it. On
// PostgreSQL, whose plan for tables this small is a sequential scan
// whatever the indexes, sequential scans are priced out so the plan shows
// which index each part can start from.
func TestChangesReadIndexes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		q := youthbot.ChangedQuery(db.Engine)
		since := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
		var plan []string
		err := db.Tx(t.Context(), func(tx *sql.Tx) error {
			explain := "EXPLAIN QUERY PLAN "
			if db.Engine == store.Postgres {
				if _, err := tx.ExecContext(t.Context(), "SET LOCAL enable_seqscan = off"); err != nil {
					return err
				}
				explain = "EXPLAIN "
			}
			rows, err := tx.QueryContext(t.Context(), explain+q, since)
			if err != nil {
				return err
			}
			defer rows.Close()
			cols, err := rows.Columns()
			if err != nil {
				return err
			}
			for rows.Next() {
				var step string
				dest := []any{&step}
				if len(cols) == 4 {
					var id, parent, unused int
					dest = []any{&id, &parent, &unused, &step}
				}
				if err := rows.Scan(dest...); err != nil {
					return err
				}
				plan = append(plan, step)
			}
			return rows.Err()
		})
		if err != nil {
			t.Fatal(err)
		}
		all := strings.Join(plan, "\n")
		for _, ix := range changeIndexes {
			if !strings.Contains(all, ix) {
				t.Errorf("the plan does not start from %s:\n%s", ix, all)
			}
		}
		for _, step := range plan {
			if strings.HasPrefix(step, "SCAN ") && !strings.Contains(step, "USING") ||
				strings.Contains(step, "Seq Scan") {
				t.Errorf("step %q reads a whole table:\n%s", step, all)
			}
		}
	})
}
