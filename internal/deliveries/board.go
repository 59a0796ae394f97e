package deliveries

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// BoardFilter says which deliveries the board shows: those of a campaign
// (every status but cancelled ones unless All), or with CampaignID 0 the
// open ones (planned, dispatched, delivered) of every campaign. Today is
// the day risks are judged on (the service's clock's when zero).
type BoardFilter struct {
	CampaignID int64
	All        bool
	Today      time.Time
}

// Page asks for a page of the board: after Cursor (from the start when
// ""), at most Limit deliveries, skipping Skip first (a jump to a page by
// number, bounded by store.JumpCap).
type Page struct {
	Cursor string
	Limit  int
	Skip   int
}

// Board lists a page of the deliveries f selects within p's scope, those
// most at risk first — overdue, then not dispatched with the deadline
// within SoonDays, dispatched, awaiting the institution's confirmation,
// planned on schedule, confirmed with a shortfall, confirmed, cancelled —
// each group by deadline, and returns the cursor of the next page.
func (s *Service) Board(ctx context.Context, p access.Principal, f BoardFilter, pg Page) ([]Delivery, string, error) {
	if err := access.Can(p, access.ViewDeliveries, p.Scope()); err != nil {
		return nil, "", err
	}
	page := store.ParsePage("", strconv.Itoa(pg.Limit))
	page.Skip = pg.Skip
	c := ParseCursor(pg.Cursor)
	args := store.Args(s.boardArgs(p, f), []any{int(c.Risk), c.DueOn, c.ID, page.LimitArg(), page.SkipArg()})
	out, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (Delivery, error) {
		var r Risk
		d, err := scanDelivery(sc, &r)
		d.Risk = &r
		return d, err
	}, s.q.Board, args...)
	if err != nil {
		return nil, "", err
	}
	out, next := store.TrimBy(page, out, func(d Delivery) string {
		return Cursor{Risk: *d.Risk, DueOn: d.DueOn, ID: d.ID}.String()
	})
	return out, next, nil
}

// BoardCounts counts the deliveries f selects within p's scope by risk;
// their sum is what Board pages through.
func (s *Service) BoardCounts(ctx context.Context, p access.Principal, f BoardFilter) (map[Risk]int, error) {
	if err := access.Can(p, access.ViewDeliveries, p.Scope()); err != nil {
		return nil, err
	}
	rows, err := store.Select(ctx, s.db.R, func(sc store.Scanner) ([2]int64, error) {
		var r [2]int64
		return r, sc.Scan(&r[0], &r[1])
	}, s.q.BoardCounts, s.boardArgs(p, f)...)
	out := map[Risk]int{}
	for _, r := range rows {
		out[Risk(r[0])] = int(r[1])
	}
	return out, err
}

// boardArgs are the scope, the filter and the days of risk, $1 to $8 of
// both board queries.
func (s *Service) boardArgs(p access.Principal, f BoardFilter) []any {
	today := store.Day(f.Today)
	if today.IsZero() {
		today = s.today()
	}
	all := 0
	if f.All || f.CampaignID != 0 {
		all = 1
	}
	return store.Args(p.ScopeArgs(), []any{f.CampaignID, all, today, today.AddDate(0, 0, SoonDays)})
}

// Cursor is where a page of the board starts: after the delivery of risk
// Risk due on DueOn with id ID. Its text form, "1.2026-08-30.17", is what
// a page's Next link carries.
type Cursor struct {
	Risk  Risk
	DueOn time.Time
	ID    int64
}

// String is the cursor as a link carries it.
func (c Cursor) String() string {
	if c.ID == 0 {
		return ""
	}
	return strconv.Itoa(int(c.Risk)) + "." + c.DueOn.Format(time.DateOnly) + "." + strconv.FormatInt(c.ID, 10)
}

// ParseCursor reads a cursor as String writes it; a bad one is the start
// of the board (before every delivery).
func ParseCursor(s string) Cursor {
	parts := strings.Split(s, ".")
	if len(parts) == 3 {
		r, rerr := strconv.Atoi(parts[0])
		d, derr := time.Parse(time.DateOnly, parts[1])
		id, ierr := strconv.ParseInt(parts[2], 10, 64)
		if rerr == nil && derr == nil && ierr == nil && r >= 0 && id > 0 {
			return Cursor{Risk: Risk(r), DueOn: d, ID: id}
		}
	}
	return Cursor{Risk: -1, DueOn: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)}
}
