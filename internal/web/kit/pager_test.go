package kit

import (
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/jolproject/jol/internal/store"
)

func TestPagingFitsAndLinks(t *testing.T) {
	tests := []struct {
		name         string
		query        string
		count        store.Count
		next         string
		number, skip int
		first, prev  string
		last         string
		jumps        []int
		pages        int
		nextPage     string
	}{
		{name: "first of three", query: "sort=name", count: store.Count{N: 130}, next: "c1",
			number: 1, skip: 0, last: "page=3&sort=name", jumps: []int{1, 2, 3}, pages: 3, nextPage: "2"},
		{name: "jump to the third", query: "page=3&sort=name", count: store.Count{N: 130},
			number: 3, skip: 100, first: "sort=name", prev: "page=2&sort=name", jumps: []int{1, 2, 3}, pages: 3},
		{name: "past the end shows the last", query: "page=99", count: store.Count{N: 130},
			number: 3, skip: 100, first: "", prev: "page=2", jumps: []int{1, 2, 3}, pages: 3},
		{name: "an empty list is page one", query: "page=5", count: store.Count{}, number: 1, pages: 0},
		{name: "past the cap jumps no deeper than it", query: "page=900", count: store.Count{N: store.CountCap, More: true},
			number: store.JumpCap/50 + 1, skip: store.JumpCap, first: "", prev: "page=50", jumps: []int{49, 50, 51}},
		{name: "a long list offers no jump to its last page", query: "page=3", count: store.Count{N: 9000}, next: "c",
			number: 3, skip: 100, prev: "page=2", jumps: []int{1, 2, 3, 4, 5}, pages: 180, nextPage: "4"},
		{name: "a cursor without its number", query: "cursor=x", count: store.Count{N: 500}, next: "y",
			number: 0, skip: 0, first: "", pages: 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/people?"+tt.query, nil)
			pg := PagingOf(r).Fit(tt.count)
			if pg.Number != tt.number || pg.Skip() != tt.skip {
				t.Fatalf("page %d skipping %d, want %d skipping %d", pg.Number, pg.Skip(), tt.number, tt.skip)
			}
			l := pg.Listing(r, tt.next, tt.count)
			query := func(u string) string {
				if u == "" {
					return "-"
				}
				p, _ := url.Parse(u)
				return p.RawQuery
			}
			if tt.number != 1 && query(l.FirstURL) != tt.first {
				t.Errorf("first %q, want %q", l.FirstURL, tt.first)
			}
			if tt.prev != "" && query(l.PrevURL) != tt.prev {
				t.Errorf("previous %q, want %q", l.PrevURL, tt.prev)
			}
			if tt.last == "" && l.LastURL != "" && tt.pages > store.JumpCap/50+1 {
				t.Errorf("a last page %q deeper than a jump may go", l.LastURL)
			}
			if tt.last != "" && query(l.LastURL) != tt.last {
				t.Errorf("last %q, want %q", l.LastURL, tt.last)
			}
			if l.Pages != tt.pages && !tt.count.More {
				t.Errorf("%d pages, want %d", l.Pages, tt.pages)
			}
			var got []int
			for _, j := range l.Jumps {
				got = append(got, j.Number)
			}
			if len(got) != len(tt.jumps) || (len(got) > 0 && (got[0] != tt.jumps[0] || got[len(got)-1] != tt.jumps[len(tt.jumps)-1])) {
				t.Errorf("jumps %v, want %v", got, tt.jumps)
			}
			if tt.nextPage != "" {
				if p, _ := url.Parse(l.NextURL); p.Query().Get("page") != tt.nextPage || p.Query().Get("cursor") != tt.next {
					t.Errorf("next %q does not carry the cursor and page %s", l.NextURL, tt.nextPage)
				}
			}
		})
	}
}
