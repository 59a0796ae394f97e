package kit

import (
	"context"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
)

// Listing is the part of a list page's view that the "total" and "pager"
// partials read: how many rows the list holds, where this page is among
// its pages, and the links to the others. Paging.Listing builds it.
type Listing struct {
	Counted bool // the list was counted: Total and More say how many rows it holds
	Total   int  // the rows, up to store.CountCap
	More    bool // more than store.CountCap
	Number  int  // this page's number; 0 when not known
	Pages   int  // the number of pages; 0 when not known

	FirstURL, PrevURL, NextURL, LastURL string
	Jumps                               []Jump // a few page numbers around this one

	// TotalKey and MoreKey name what the list counts ("63 people", "more
	// than 10,000 people"); "" says records.
	TotalKey, MoreKey string
}

// Of names what the list counts by the keys of its total and of a total
// past the cap, both plural messages of Count.
func (l Listing) Of(total, more string) Listing {
	l.TotalKey, l.MoreKey = total, more
	return l
}

// Jump is a link to a page by its number.
type Jump struct {
	Number  int
	URL     string
	Current bool
}

// PageOf reads the cursor and page size of a list page.
func PageOf(r *http.Request) store.Page {
	q := r.URL.Query()
	return store.ParsePage(q.Get("cursor"), q.Get("limit"))
}

// NewListing builds the pager links of an uncounted list whose next
// cursor is next ("" on the last page): next, and back to the first.
func NewListing(r *http.Request, next string) Listing {
	var l Listing
	q := r.URL.Query()
	if next != "" {
		q.Set("cursor", next)
		l.NextURL = r.URL.Path + "?" + q.Encode()
	}
	if q.Has("cursor") && r.URL.Query().Get("cursor") != "" {
		q.Del("cursor")
		l.FirstURL = encode(r.URL.Path, q)
	}
	return l
}

// PathID reads the {id} of a route; anything but a positive number is a
// page that does not exist.
func PathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, ErrNotFound
	}
	return id, nil
}

// FormID reads an optional id from a select: "" is 0.
func FormID(v string) (int64, error) {
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, ErrNotFound
	}
	return id, nil
}

// NormRegion is a region code as the services store it: trimmed, upper case.
func NormRegion(code string) string { return strings.ToUpper(strings.TrimSpace(code)) }

// FilterID reads an optional numeric filter field of a GET form into f,
// in ASCII or Persian digits; a value that is not a positive number
// becomes an error beside the field.
func FilterID(rq *Request, f *Form, field string) int64 {
	v := text.NormalizeDigits(f.Values[field])
	if v == "" {
		return 0
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		f.Fail(rq.L, field, "error.not_a_number")
		return 0
	}
	return id
}

// QueryForm reads a GET filter form: the named query parameters, trimmed.
func QueryForm(r *http.Request, fields ...string) *Form {
	f := NewForm(nil, fields...)
	for _, k := range fields {
		f.Values[k] = strings.TrimSpace(r.URL.Query().Get(k))
	}
	return f
}

// invalidAttrs ties an input to its help text (the ids in help) and, when
// its field has an error, marks it invalid and ties it to the message shown
// beside it. Field names and ids are fixed by the templates, never typed.
func invalidAttrs(f *Form, field string, help ...string) template.HTMLAttr {
	var attrs string
	if f != nil && f.Has(field) {
		attrs = ` aria-invalid="true"`
		help = append(help, field+"-error")
	}
	if len(help) > 0 {
		attrs += ` aria-describedby="` + template.HTMLEscapeString(strings.Join(help, " ")) + `"`
	}
	return template.HTMLAttr(attrs)
}

// RegionNamer returns the name of a region code of g in locale, looking each
// code up once per page; an unknown code is shown as it is.
func (k *Kit) RegionNamer(ctx context.Context, g *geo.Service, locale string) func(code string) string {
	names := map[string]string{}
	return func(code string) string {
		if code == "" {
			return ""
		}
		if n, ok := names[code]; ok {
			return n
		}
		n := code
		if r, err := g.Lookup(ctx, code); err == nil {
			n = r.Name(locale)
		} else if errs.CodeOf(err) != errs.NotFound {
			k.Logger.Warn("region name", "code", code, "err", err)
		}
		names[code] = n
		return n
	}
}

// RejectedRow is one refused value of an imported file, its reason
// translated.
type RejectedRow struct {
	Line   int
	Column string
	Value  string
	Reason string
}
