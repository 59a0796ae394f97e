package api

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
)

// listPeople lists the persons the caller may see: one page narrowed by
// the filter parameters, or with ?q= the results of a search (at most
// people.SearchLimit, in name order, without a cursor).
func (a *API) listPeople(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	if q.Has("q") {
		limit, err := queryNum(r, "limit")
		if err != nil {
			return err
		}
		found, err := a.svc.People.Search(r.Context(), rq.p, q.Get("q"), limit)
		if err != nil {
			return err
		}
		return writeList(w, mapSlice(found, personOut), "")
	}
	f, err := peopleFilter(r)
	if err != nil {
		return err
	}
	out, next, err := a.svc.People.List(r.Context(), rq.p, f, people.ParsePage(q.Get("cursor"), q.Get("limit")))
	if err != nil {
		return err
	}
	return writeList(w, mapSlice(out, personOut), next)
}

// peopleFilter reads the filter parameters of GET /people.
func peopleFilter(r *http.Request) (people.Filter, error) {
	q := r.URL.Query()
	f := people.Filter{RegionCode: q.Get("region"), Category: q.Get("category"),
		Status: people.Status(q.Get("status")), Sort: people.Sort(q.Get("sort"))}
	var fs []errs.FieldError
	var err error
	if f.OrgID, err = queryID(r, "org_id"); err != nil {
		fs = append(fs, errs.Field("org_id", "error.not_a_number"))
	}
	for _, n := range []struct {
		name string
		dst  *int
	}{{"grade", &f.Grade}, {"age_from", &f.MinAge}, {"age_to", &f.MaxAge}} {
		if *n.dst, err = queryNum(r, n.name); err != nil {
			fs = append(fs, errs.Field(n.name, "error.not_a_number"))
		}
	}
	if f.Status != "" && !f.Status.Valid() {
		fs = append(fs, errs.Field("status", "error.invalid_choice"))
	}
	switch f.Sort {
	case "", people.SortCreated, people.SortName, people.SortBirth:
	default:
		fs = append(fs, errs.Field("sort", "error.invalid_choice"))
	}
	if s := q.Get("has_id"); s != "" {
		b, err := strconv.ParseBool(s)
		if err != nil {
			fs = append(fs, errs.Field("has_id", "error.invalid_choice"))
		}
		f.HasID = &b
	}
	return f, errs.Validation(fs...)
}

// queryNum reads an optional whole number that is not negative (0 when
// absent); anything else is a field error.
func queryNum(r *http.Request, name string) (int, error) {
	s := r.URL.Query().Get(name)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, errs.Validation(errs.Field(name, "error.not_a_number"))
	}
	return n, nil
}
