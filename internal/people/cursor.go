package people

import (
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// Page asks for one page of List: the rows after Cursor (from the start
// when it is ""), at most Limit (store.DefaultLimit when 0), after
// skipping Skip of them (a jump to a page by its number; bounded by
// store.JumpCap, as store.Page.Skip is).
type Page struct {
	Cursor string
	Limit  int
	Skip   int
}

// ParsePage reads a cursor and a limit as they come from a query string,
// with the bounds of store.ParsePage.
func ParsePage(cursor, limit string) Page {
	return Page{Cursor: cursor, Limit: store.ParsePage("", limit).Limit}
}

// limitArg is one more than the page size, so trim can tell whether
// another page follows.
func (pg Page) limitArg() int { return store.Page{Limit: min(pg.Limit, store.MaxLimit)}.LimitArg() }

// skipArg is the offset to bind, bounded as store.Page.SkipArg is.
func (pg Page) skipArg() int { return store.Page{Skip: pg.Skip}.SkipArg() }

// position is where a page starts: after the row with this sort value and
// id. A cursor is opaque to callers: "<sort>.<id>.<value>", the value in
// base64url; one that does not parse, or belongs to another sort, starts
// from the top, as store.ParsePage does.
type position struct {
	key     string    // SortName: the name key
	birth   time.Time // SortBirth: the date of birth…
	unknown bool      // …or none
	id      int64
}

// minDate is below every stored date: the start of a sort by birth date,
// and the date a cursor on an unknown date of birth carries.
var minDate = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)

func (s Sort) cursor(p Person) string {
	v := p.nameKey
	if s == SortBirth {
		v = ""
		if !p.BirthDate.IsZero() {
			v = p.BirthDate.Format(time.DateOnly)
		}
	}
	return string(s) + "." + itoa(p.ID) + "." + base64.RawURLEncoding.EncodeToString([]byte(v))
}

func (s Sort) position(c string) position {
	start := position{birth: minDate, id: 1<<63 - 1}
	if s != SortCreated {
		start.id = 0
	}
	parts := strings.SplitN(c, ".", 3)
	if len(parts) != 3 || parts[0] != string(s) {
		return start
	}
	id, err1 := strconv.ParseInt(parts[1], 10, 64)
	v, err2 := base64.RawURLEncoding.DecodeString(parts[2])
	if err1 != nil || err2 != nil || id <= 0 {
		return start
	}
	pos := position{key: string(v), birth: minDate, unknown: len(v) == 0, id: id}
	if s == SortBirth && len(v) > 0 {
		if pos.birth, err1 = time.Parse(time.DateOnly, string(v)); err1 != nil {
			return start
		}
	}
	return pos
}

// trim cuts rows fetched with limitArg to the page and returns the cursor
// of the next page, "" after the last one.
func (s Sort) trim(pg Page, rows []Person) ([]Person, string) {
	return store.TrimBy(store.Page{Limit: min(pg.Limit, store.MaxLimit)}, rows, s.cursor)
}
