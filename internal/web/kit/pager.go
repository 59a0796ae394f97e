package kit

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
)

// Paging is where a list page starts, as its query says: ?cursor, the
// keyset cursor a Next link carries; ?page, the page's number, which
// jumps there when no cursor is given; ?limit, the page size.
type Paging struct {
	Cursor string
	Number int // from 1; 0 when a cursor came without its page number
	Limit  int
}

// PagingOf reads the paging of a list page.
func PagingOf(r *http.Request) Paging {
	q := r.URL.Query()
	pg := Paging{Cursor: q.Get("cursor"), Limit: store.ParsePage("", q.Get("limit")).Limit, Number: 1}
	n, err := strconv.Atoi(text.NormalizeDigits(q.Get("page")))
	switch {
	case err == nil && n > 0:
		pg.Number = n
	case pg.Cursor != "":
		pg.Number = 0
	}
	return pg
}

// Fit moves a jump past the last page of a list of c rows to the last
// page, and one deeper than store.JumpCap rows to the deepest page a jump
// may reach: an address typed by hand shows rows, never an error. A page
// reached by its cursor stays where it is.
func (pg Paging) Fit(c store.Count) Paging {
	if pg.Cursor == "" {
		pg.Number = min(pg.Number, max(pg.lastJump(c), 1))
	}
	return pg
}

// Skip is how many rows a jump passes over: none when a cursor says where
// the page starts.
func (pg Paging) Skip() int {
	if pg.Cursor != "" || pg.Number < 1 {
		return 0
	}
	return (pg.Number - 1) * pg.Limit
}

// Store is the page to ask a list that pages by store.Page.
func (pg Paging) Store() store.Page {
	p := store.ParsePage(pg.Cursor, strconv.Itoa(pg.Limit))
	p.Skip = pg.Skip()
	return p
}

// pages is how many pages c rows fill; 0 when c is past the cap and the
// number is not known.
func (pg Paging) pages(c store.Count) int {
	if c.More {
		return 0
	}
	return (c.N + pg.Limit - 1) / pg.Limit
}

// lastJump is the deepest page a number link may go to: the last page, or
// the page store.JumpCap rows deep when the list goes further.
func (pg Paging) lastJump(c store.Count) int {
	deepest := store.JumpCap/pg.Limit + 1
	if c.More {
		return deepest
	}
	return min(pg.pages(c), deepest)
}

// jumpWindow is how many page numbers the pager offers on each side of
// the current one.
const jumpWindow = 2

// Listing builds the pager of a page whose next cursor is next ("" on the
// last page) in a list of c rows. Every link keeps the page's filters and
// order: it is the current query with only the paging changed.
func (pg Paging) Listing(r *http.Request, next string, c store.Count) Listing {
	l := Listing{Counted: true, Total: c.N, More: c.More, Number: pg.Number, Pages: pg.pages(c)}
	at := func(n int, cursor string) string {
		q := r.URL.Query()
		q.Del("cursor")
		q.Del("page")
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		if n > 1 {
			q.Set("page", strconv.Itoa(n))
		}
		return encode(r.URL.Path, q)
	}
	if next != "" {
		n := 0 // a page whose number is not known leaves the next one unnumbered
		if pg.Number > 0 {
			n = pg.Number + 1
		}
		l.NextURL = at(n, next)
	}
	if pg.Number != 1 {
		l.FirstURL = at(1, "")
	}
	if pg.Number > 1 && (pg.Number-2)*pg.Limit <= store.JumpCap {
		l.PrevURL = at(pg.Number-1, "")
	}
	if l.Pages > 1 && pg.Number != l.Pages && l.Pages <= pg.lastJump(c) {
		l.LastURL = at(l.Pages, "")
	}
	if pg.Number > 0 {
		last := pg.lastJump(c)
		for n := max(1, pg.Number-jumpWindow); n <= min(last, pg.Number+jumpWindow); n++ {
			l.Jumps = append(l.Jumps, Jump{Number: n, URL: at(n, ""), Current: n == pg.Number})
		}
		if len(l.Jumps) == 1 {
			l.Jumps = nil
		}
	}
	return l
}

func encode(path string, q url.Values) string {
	if enc := q.Encode(); enc != "" {
		return path + "?" + enc
	}
	return path
}

// Whole is the listing of a list shown whole on one page (an offer's
// placements, a user's tokens, the children of a region): its total and
// no pager.
func Whole(n int) Listing { return Listing{Counted: true, Total: n} }
