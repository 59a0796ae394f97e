package people

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// The first-name search is only fast while its expression is the one the
// index persons_first_name holds: a query written differently would read
// the whole table. On PostgreSQL the sequential scan is switched off, so
// that a plan without the index shows the expressions differ, whatever
// the planner would choose for a table this small.
func TestSearchFirstNameUsesItsIndex(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s, err := New(db, nil, time.Now)
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		var plan []string
		err = db.Tx(ctx, func(tx *sql.Tx) error {
			explain := "EXPLAIN QUERY PLAN "
			if db.Engine == store.Postgres {
				explain = "EXPLAIN "
				if _, err := tx.ExecContext(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
					return err
				}
			}
			lo, hi := access.Span("/")
			klo, khi := access.Span("mdna")
			rows, err := tx.QueryContext(ctx, explain+s.q.SearchFirstName, lo, hi, lo, hi, klo, khi, 20)
			if err != nil {
				return err
			}
			defer rows.Close()
			cols, err := rows.Columns()
			if err != nil {
				return err
			}
			// The plan's text is the last column: SQLite's detail, or
			// PostgreSQL's one column.
			vals := make([]any, len(cols))
			for i := range vals {
				vals[i] = new(any)
			}
			var line string
			vals[len(vals)-1] = &line
			for rows.Next() {
				if err := rows.Scan(vals...); err != nil {
					return err
				}
				plan = append(plan, line)
			}
			return rows.Err()
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(plan, "\n"); !strings.Contains(got, "persons_first_name") {
			t.Fatalf("the first-name search does not use its index:\n%s", got)
		}
	})
}
