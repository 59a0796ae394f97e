package distribution

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// EventPage lists a page of the events f selects at the warehouses within
// p's scope, the latest start first, and the cursor of the next page (""
// on the last). pg.Before is not read: the page starts after cursor, an
// EventCursor's text ("" for the first page).
func (s *Service) EventPage(ctx context.Context, p access.Principal, f Filter, cursor string, pg store.Page) ([]Event, string, error) {
	if err := access.Can(p, access.ViewDistribution, p.Scope()); err != nil {
		return nil, "", err
	}
	at, id := ParseEventCursor(cursor).start()
	args := store.Args(p.ScopeArgs(), []any{f.CampaignID, f.WarehouseID, at, id, pg.LimitArg(), pg.SkipArg()})
	list, err := store.Select(ctx, s.db.R, scanEvent, s.q.EventFrom+"\n"+s.q.EventPage, args...)
	if err != nil {
		return nil, "", err
	}
	list, next := store.TrimBy(pg, list, func(e Event) string { return EventCursor{StartsAt: e.StartsAt, ID: e.ID}.String() })
	return list, next, nil
}

// EventsCount counts what EventPage pages through, up to store.CountCap.
func (s *Service) EventsCount(ctx context.Context, p access.Principal, f Filter) (store.Count, error) {
	if err := access.Can(p, access.ViewDistribution, p.Scope()); err != nil {
		return store.Count{}, err
	}
	return store.CountRows(ctx, s.db.R, s.q.CountEvents, store.Args(p.ScopeArgs(), []any{f.CampaignID, f.WarehouseID,
		store.CountArg()})...)
}

// EventCursor is where a page of events starts: after the event starting
// at StartsAt with id ID. Its text, "20260903T080000Z_17", is what a
// page's Next link and the API's next_cursor carry.
type EventCursor struct {
	StartsAt time.Time
	ID       int64
}

// eventCursorTime is how a cursor writes the start: to the second, as
// events are planned.
const eventCursorTime = "20060102T150405.999999999Z"

// String is the cursor as a link carries it; "" for the first page.
func (c EventCursor) String() string {
	if c.ID == 0 {
		return ""
	}
	return c.StartsAt.UTC().Format(eventCursorTime) + "_" + strconv.FormatInt(c.ID, 10)
}

// ParseEventCursor reads a cursor as String writes it; anything else is
// the first page.
func ParseEventCursor(s string) EventCursor {
	at, id, ok := strings.Cut(s, "_")
	t, err := time.Parse(eventCursorTime, at)
	n, nerr := strconv.ParseInt(id, 10, 64)
	if !ok || err != nil || nerr != nil || n <= 0 {
		return EventCursor{}
	}
	return EventCursor{StartsAt: t.UTC(), ID: n}
}

// start is the start and the id to bind for the events after the cursor:
// after none (later than any event) for the first page.
func (c EventCursor) start() (time.Time, int64) {
	if c.ID == 0 {
		return time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), 1<<63 - 1
	}
	return c.StartsAt, c.ID
}
