package dashboard_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/testworld"
)

// On SQLite a fresh count reads the two indexes of migration 0029 and no
// table row: requests through requests_campaign_region, their lines
// through request_lines_request_item, and the count by status follows
// the index's order with no sort. The plans are those of a database never
// analysed, as the application leaves it.
func TestCountsReadIndexesAlone(t *testing.T) {
	w := testworld.SQLite(t)
	for name, q := range w.Services.Dashboard.CountQueries() {
		rows, err := w.DB.R.QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+q, 1)
		if err != nil {
			t.Fatal(err)
		}
		var steps []string
		for rows.Next() {
			var id, parent, unused int
			var step string
			if err := rows.Scan(&id, &parent, &unused, &step); err != nil {
				t.Fatal(err)
			}
			steps = append(steps, step)
		}
		rows.Close()
		plan := strings.Join(steps, "; ")
		if !strings.Contains(plan, "USING COVERING INDEX requests_campaign_region (campaign_id=?)") {
			t.Errorf("%s: plan %q reads the requests another way", name, plan)
		}
		if name == "CountItems" && !strings.Contains(plan, "USING COVERING INDEX request_lines_request_item (request_id=?)") {
			t.Errorf("%s: plan %q reads the lines' table", name, plan)
		}
		if name == "CountStatus" && strings.Contains(plan, "TEMP B-TREE") {
			t.Errorf("%s: plan %q sorts", name, plan)
		}
		for _, s := range steps {
			if strings.HasPrefix(s, "SCAN") || (strings.HasPrefix(s, "SEARCH") && !strings.Contains(s, "COVERING INDEX")) {
				t.Errorf("%s: step %q reads a table", name, s)
			}
		}
	}
}
