package audit

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// OutOfScopeID is the access-log kind of an ID number a user typed (in a
// form, through the API, in an imported list or a dry run) that belongs
// to a record outside their scope. The entry names the user, the time,
// the operation (via) and the number masked, never the record it belongs
// to, so the log does not tell its readers what the message withheld. A
// person within the scope found in a household outside it is logged the
// same way (ProbedThrough).
const OutOfScopeID = "id_out_of_scope"

// Probed appends to the access log, through q, that p typed ID number of
// kind held outside their scope. The entry's organisation and region
// paths are p's own, so the auditors of the organisation that typed it see
// it.
func (l *Log) Probed(ctx context.Context, q store.Querier, p access.Principal, kind, number, via string) error {
	return l.ProbedThrough(ctx, q, p, MaskID(kind, number), via)
}

// ProbedThrough appends to the access log, through q, that p ran into a
// record outside their scope through subject, a record within it (a
// person of their own who is a member of another organisation's
// household: "person:17"). The entry counts among p's probes like an ID
// number; it names the record within the scope, never the one outside.
func (l *Log) ProbedThrough(ctx context.Context, q store.Querier, p access.Principal, subject, via string) error {
	_, err := q.ExecContext(ctx, l.q.InsertAccess, l.now().UTC(), p.UserID, p.Name, OutOfScopeID, subject, p.OrgPath, via,
		p.RegionPath)
	if err != nil {
		return fmt.Errorf("access log %s: %w", OutOfScopeID, err)
	}
	return nil
}

// ProbesSince counts, through q, the out-of-scope ID numbers user typed
// since t.
func (l *Log) ProbesSince(ctx context.Context, q store.Querier, user int64, t time.Time) (int, error) {
	var n int
	if err := q.QueryRowContext(ctx, l.q.CountAccesses, user, OutOfScopeID, t.UTC()).Scan(&n); err != nil {
		return 0, fmt.Errorf("access log %s: %w", OutOfScopeID, err)
	}
	return n, nil
}

// MaskID is an ID number as the access log keeps it: its kind and its
// last four characters. A hash would not hide it: an IIN is a date of
// birth and a few digits, and all of them can be hashed in minutes.
func MaskID(kind, number string) string {
	n := len(number)
	if n <= 4 {
		return kind + ":" + strings.Repeat("*", n)
	}
	return kind + ":" + strings.Repeat("*", n-4) + number[n-4:]
}
