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

// Listing is the part of a list page's view that the "pager" partial
// reads: links to the next page and back to the first, each built from
// the current query so the filters stay as they are.
type Listing struct {
	NextURL  string
	FirstURL string
}

// PageOf reads the cursor and page size of a list page.
func PageOf(r *http.Request) store.Page {
	q := r.URL.Query()
	return store.ParsePage(q.Get("cursor"), q.Get("limit"))
}

// NewListing builds the pager links of a page whose next cursor is next
// ("" on the last page).
func NewListing(r *http.Request, next string) Listing {
	var l Listing
	q := r.URL.Query()
	if next != "" {
		q.Set("cursor", next)
		l.NextURL = r.URL.Path + "?" + q.Encode()
	}
	if q.Has("cursor") && r.URL.Query().Get("cursor") != "" {
		q.Del("cursor")
		l.FirstURL = r.URL.Path
		if enc := q.Encode(); enc != "" {
			l.FirstURL += "?" + enc
		}
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
