package web

import (
	"context"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// listing is the part of a list page's view that the "pager" partial
// reads: links to the next page and back to the first, each built from
// the current query so the filters stay as they are.
type listing struct {
	NextURL  string
	FirstURL string
}

// pageOf reads the cursor and page size of a list page.
func pageOf(r *http.Request) store.Page {
	q := r.URL.Query()
	return store.ParsePage(q.Get("cursor"), q.Get("limit"))
}

// newListing builds the pager links of a page whose next cursor is next
// ("" on the last page).
func newListing(r *http.Request, next string) listing {
	var l listing
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

// pathID reads the {id} of a route; anything but a positive number is a
// page that does not exist.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, errNotFound
	}
	return id, nil
}

// formID reads an optional id from a select: "" is 0.
func formID(v string) (int64, error) {
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, errNotFound
	}
	return id, nil
}

// normRegion is a region code as the services store it: trimmed, upper case.
func normRegion(code string) string { return strings.ToUpper(strings.TrimSpace(code)) }

// filterID reads an optional numeric filter field of a GET form into f;
// a value that is not a positive number becomes an error beside the field.
func filterID(rq *request, f *form, field string) int64 {
	v := f.Values[field]
	if v == "" {
		return 0
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		f.fail(rq.l, field, "error.not_a_number")
		return 0
	}
	return id
}

// queryForm reads a GET filter form: the named query parameters, trimmed.
func queryForm(r *http.Request, fields ...string) *form {
	f := newForm(nil, fields...)
	for _, k := range fields {
		f.Values[k] = strings.TrimSpace(r.URL.Query().Get(k))
	}
	return f
}

// invalidAttrs ties an input to its help text (the ids in help) and, when
// its field has an error, marks it invalid and ties it to the message shown
// beside it. Field names and ids are fixed by the templates, never typed.
func invalidAttrs(f *form, field string, help ...string) template.HTMLAttr {
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

// regionNamer returns the name of a region code in locale, looking each
// code up once per page; an unknown code is shown as it is.
func (s *Server) regionNamer(ctx context.Context, locale string) func(code string) string {
	names := map[string]string{}
	return func(code string) string {
		if code == "" {
			return ""
		}
		if n, ok := names[code]; ok {
			return n
		}
		n := code
		if g, err := s.svc.Geo.Lookup(ctx, code); err == nil {
			n = g.Name(locale)
		} else if errs.CodeOf(err) != errs.NotFound {
			s.Logger.Warn("region name", "code", code, "err", err)
		}
		names[code] = n
		return n
	}
}
