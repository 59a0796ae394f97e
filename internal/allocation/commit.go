package allocation

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// CommitOptions say what a commit expects.
type CommitOptions struct {
	// Version is the allocation version the caller planned at (Plan's);
	// a commit is refused when another commit or a change of the
	// settings has passed it.
	Version int
	// Digest, when set, is the dry run's: the commit is refused when its
	// input differs (stock moved, a request changed), so what is
	// committed is the plan the user saw.
	Digest string
	Kind   string // KindPlan (the default) or KindWaitlist
	Via    string // web, api, cli, job
}

// lineColumns are allocation_lines' columns as commit writes them.
var lineColumns = []string{"run_id", "request_id", "line", "item_id", "size", "region_path", "warehouse_id", "outcome",
	"priority",
	"rank_region", "rank", "rank_of", "cutoff", "quota", "quota_region", "cost"}

// Commit plans campaign id's allocation and carries it out, all in one
// transaction: the version taken (a concurrent commit of the campaign
// waits, then is refused), the plan made from what the transaction sees,
// the run recorded, the stock of every line served held under the run's
// id (stock.Reserve: all or none), each request moved — to allocated when
// a line of it holds stock, to waitlisted otherwise — with its event and
// its message to the family, every line's outcome kept for its
// explanation, and the run in the change log. Any failure leaves
// everything as it was. A commit that would serve no line, move no
// request and change no line's explanation is refused
// (error.allocation_nothing_to_commit) and keeps no run.
func (s *Service) Commit(ctx context.Context, p access.Principal, id int64, o CommitOptions) (*Plan, Run, error) {
	c, err := s.allocatable(ctx, p, id)
	if err != nil {
		return nil, Run{}, err
	}
	if o.Kind == "" {
		o.Kind = KindPlan
	}
	src, err := s.sources(ctx, c)
	if err != nil {
		return nil, Run{}, err
	}
	for range commitTries {
		var plan *Plan
		var run Run
		if plan, run, err = s.commitOnce(ctx, p, c, src, o); !errors.Is(err, errStockMoved) {
			return plan, run, err
		}
	}
	return nil, Run{}, errs.Wrap(err, errs.Conflict, "error.allocation_stock_moved")
}

// commitTries is how many times a commit plans afresh when stock moved
// under it (see errStockMoved) before it is refused.
const commitTries = 3

// errStockMoved marks a commit whose reservation found less stock than
// its plan read: on PostgreSQL an issue, a write-off or a transfer
// committed between the commit's read and its reservation. Nothing was
// written; the commit plans again from a fresh transaction.
var errStockMoved = errors.New("allocation: stock moved during the commit")

// commitOnce is one attempt of Commit in a transaction of its own.
func (s *Service) commitOnce(ctx context.Context, p access.Principal, c campaign.Campaign, src sources,
	o CommitOptions) (*Plan, Run, error) {
	var plan *Plan
	var run Run
	err := s.writeTx(ctx, func(conn *sql.Conn, tx *sql.Tx) error {
		t0 := time.Now()
		if err := s.take(ctx, tx, c.ID, o.Version); err != nil {
			return err
		}
		in, err := s.read(ctx, tx, c, src, s.inTx(ctx, tx, c.ID))
		if err != nil {
			return err
		}
		read := time.Since(t0)
		if plan, err = Decide(in); err != nil {
			return err
		}
		plan.Version, plan.Read = o.Version+1, read
		if o.Digest != "" && o.Digest != plan.Digest {
			return errs.New(errs.Conflict, "error.allocation_input_changed")
		}
		moves, err := s.settles(ctx, tx, in, plan)
		if err != nil {
			return err
		}
		if plan.Served == 0 && len(moves) == 0 {
			// Nothing would change but the history — unless a line's
			// explanation would — so no run is kept: a commit racing
			// another that won, or a waiting list with nothing to serve,
			// is told so rather than recorded.
			same, err := s.recorded(ctx, tx, c.ID, plan.Results)
			if err != nil {
				return err
			}
			if same {
				return errs.New(errs.Conflict, "error.allocation_nothing_to_commit")
			}
		}
		if run, err = s.insertRun(ctx, tx, p, c, plan, o.Kind, true, o.Via); err != nil {
			return err
		}
		if s.beforeReserve != nil {
			s.beforeReserve()
		}
		if err := s.Stock.Reserve(ctx, tx, holds(plan, run.ID)); err != nil {
			if stock.IsShort(err) {
				return fmt.Errorf("%w: %w", errStockMoved, err)
			}
			return err
		}
		if s.pause != nil {
			s.pause()
		}
		note := fmt.Sprintf("allocation run %d", run.ID)
		if err := s.Requests.SettleAll(ctx, tx, p, moves, note, "allocation"); err != nil {
			if errs.CodeOf(err) == errs.Conflict {
				return errs.Wrap(err, errs.Conflict, "error.allocation_input_changed")
			}
			return err
		}
		if err := store.Bulk(ctx, conn, "allocation_lines", lineColumns, lineRows(run.ID, plan)); err != nil {
			return err
		}
		return s.Audit.Record(ctx, tx, p, audit.Change{Action: "allocate", Entity: "allocation_run",
			EntityID: itoa(run.ID), OrgPath: c.Target().OrgPath, After: commitLog{Run: run, Moved: len(moves)}})
	})
	if err != nil {
		return nil, Run{}, err
	}
	return plan, run, nil
}

// commitLog is what the change log keeps of a committed run.
type commitLog struct {
	Run
	Moved int `json:"requests_moved"`
}

// take raises campaign id's allocation version from version, inside a
// commit's transaction, or refuses the commit: someone else committed or
// changed the settings since the caller planned. The campaign must still
// be open.
func (s *Service) take(ctx context.Context, tx *sql.Tx, id int64, version int) error {
	now := s.Now().UTC()
	if _, err := tx.ExecContext(ctx, s.q.EnsureCampaign, id, now); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, s.q.BumpVersion, id, version, now)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n != 1 {
		return errs.New(errs.Conflict, "error.allocation_changed")
	}
	var st string
	if err := tx.QueryRowContext(ctx, s.q.CampaignStatus, id).Scan(&st); err != nil {
		return err
	}
	return refuseStatus(campaign.Status(st))
}

// writeTx runs fn in a write transaction on a connection of its own, so
// that fn can write rows in bulk on it (store.Bulk).
func (s *Service) writeTx(ctx context.Context, fn func(conn *sql.Conn, tx *sql.Tx) error) error {
	conn, err := s.db.W.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(conn, tx); err != nil {
		return err
	}
	return tx.Commit()
}

// holds are the holds of the lines plan serves, under run.
func holds(plan *Plan, run int64) []stock.Hold {
	var out []stock.Hold
	for _, r := range plan.Results {
		if r.Outcome == Allocated {
			out = append(out, stock.Hold{RequestID: r.RequestID, Line: r.Line, WarehouseID: r.WarehouseID,
				ItemID: r.ItemID, Size: r.Size, Quantity: 1, RunID: run})
		}
	}
	return out
}

// settles are the moves of the requests with lines the run considered: a
// request with a line holding stock (from before or now) is allocated,
// one without is waitlisted; a request already there, or one the
// lifecycle does not let move there (allocated back to the waiting
// list), stays.
func (s *Service) settles(ctx context.Context, tx *sql.Tx, in *Instance, plan *Plan) ([]requests.Settle, error) {
	type req struct {
		line    Line
		waiting bool // a line of it waited for this run
		holds   bool // a line of it holds stock after the run
	}
	byID := map[int64]*req{}
	var order []int64
	for _, l := range in.Lines {
		r := byID[l.RequestID]
		if r == nil {
			r = &req{line: l}
			byID[l.RequestID] = r
			order = append(order, l.RequestID)
		}
		r.waiting = r.waiting || l.role() == candidate
		r.holds = r.holds || l.role() == kept
	}
	for _, res := range plan.Results {
		if res.Outcome == Allocated {
			byID[res.RequestID].holds = true
		}
	}
	var out []requests.Settle
	for _, id := range order {
		r := byID[id]
		from, to := requests.Status(r.line.Status), requests.Waitlisted
		if r.holds {
			to = requests.Allocated
		}
		if r.waiting && from != to && requests.CanMove(from, to) {
			out = append(out, requests.Settle{ID: id, Version: r.line.Version, From: from, To: to})
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	type ref struct{ reference, locale string }
	refs := map[int64]ref{}
	rows, err := tx.QueryContext(ctx, s.q.RequestRefs, in.CampaignID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var r ref
		if err := rows.Scan(&id, &r.reference, &r.locale); err != nil {
			return nil, err
		}
		refs[id] = r
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		r := refs[out[i].ID]
		out[i].Reference, out[i].Locale = r.reference, r.locale
	}
	return out, nil
}

// recorded reports whether every result is already the latest outcome
// recorded for its line, with the same place and reason: committing them
// again would tell no one anything new.
func (s *Service) recorded(ctx context.Context, tx *sql.Tx, campaign int64, results []Result) (bool, error) {
	type key struct {
		request int64
		line    int
	}
	latest := map[key]Result{}
	rows, err := store.Select(ctx, tx, scanResult, s.q.CampaignOutcomes, campaign)
	if err != nil {
		return false, err
	}
	for _, r := range rows {
		latest[key{r.RequestID, r.Line}] = r
	}
	for _, r := range results {
		if got, ok := latest[key{r.RequestID, r.Line}]; !ok || got != r {
			return false, nil
		}
	}
	return true, nil
}

// lineRows are the rows of allocation_lines of run.
func lineRows(run int64, plan *Plan) [][]any {
	rows := make([][]any, len(plan.Results))
	for i, r := range plan.Results {
		rows[i] = []any{run, r.RequestID, int64(r.Line), r.ItemID, r.Size, r.Region, store.NullID(r.WarehouseID),
			string(r.Outcome),
			r.Priority, r.RankRegion, int64(r.Rank), int64(r.Of), int64(r.Cutoff), r.Quota, r.QuotaRegion, r.Cost}
	}
	return rows
}
