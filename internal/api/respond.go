package api

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"

	"github.com/jolproject/jol/internal/store"
)

const jsonType = "application/json"

// list is one page of a list: never null items, and the cursor of the next
// page, absent on the last one.
type list[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// writeList answers with one page of items.
func writeList[T any](w http.ResponseWriter, items []T, next string) error {
	if items == nil {
		items = []T{}
	}
	return writeJSON(w, http.StatusOK, jsonType, list[T]{Items: items, NextCursor: next})
}

// writeJSON answers with v encoded as JSON. Characters that mean something
// in HTML are escaped (\u003c), so a name holding markup stays inert even
// in a careless client; decoding gives back the exact text.
func writeJSON(w http.ResponseWriter, status int, contentType string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
	return nil
}

// created answers 201 with the new resource and where it lives.
func created(w http.ResponseWriter, location string, v any) error {
	w.Header().Set("Location", location)
	return writeJSON(w, http.StatusCreated, jsonType, v)
}

// page reads ?cursor= and ?limit= of r.
func page(r *http.Request) store.Page {
	q := r.URL.Query()
	return store.ParsePage(q.Get("cursor"), q.Get("limit"))
}

// flag reads a yes-or-no parameter of query q: "1" or "true" is yes.
func flag(q url.Values, name string) bool {
	v := q.Get(name)
	return v == "1" || v == "true"
}

// pageOf cuts one page out of a list a service returns whole, keeping the
// service's order: the rows after the one whose id is the cursor, so the
// cursor has the same form as on lists paged by the database. A cursor
// naming no row gives an empty page.
func pageOf[T any](pg store.Page, rows []T, id func(T) int64) ([]T, string) {
	if pg.Before > 0 {
		i := slices.IndexFunc(rows, func(t T) bool { return id(t) == pg.Before })
		if i < 0 {
			return nil, ""
		}
		rows = rows[i+1:]
	}
	return store.Trim(pg, rows, id)
}
