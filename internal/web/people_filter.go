package web

import (
	"errors"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/text"
)

// maxAge bounds the ages a filter accepts.
const maxAge = 120

// peopleFilter reads the list's filter form into the service's filter; a
// value it cannot use becomes an error beside its field and is left out.
func peopleFilter(rq *request, f *form) people.Filter {
	v := f.Values
	flt := people.Filter{RegionCode: normRegion(v["region"]), OrgID: filterID(rq, f, "org"), Category: v["category"],
		Status: people.Status(v["status"]), Sort: people.Sort(v["sort"])}
	flt.Grade = formNumber(rq, f, "grade", people.MaxGrade)
	flt.MinAge = formNumber(rq, f, "age_from", maxAge)
	flt.MaxAge = formNumber(rq, f, "age_to", maxAge)
	if flt.MaxAge > 0 && flt.MaxAge < flt.MinAge {
		f.fail(rq.l, "age_to", "error.age_range")
		flt.MaxAge = 0
	}
	if flt.Status != "" && !flt.Status.Valid() {
		f.fail(rq.l, "status", "error.invalid_choice")
		flt.Status = ""
	}
	switch v["has_id"] {
	case "yes", "no":
		has := v["has_id"] == "yes"
		flt.HasID = &has
	case "":
	default:
		f.fail(rq.l, "has_id", "error.invalid_choice")
	}
	switch flt.Sort {
	case "", people.SortCreated, people.SortName, people.SortBirth:
	default:
		f.fail(rq.l, "sort", "error.invalid_choice")
		flt.Sort = ""
	}
	return flt
}

// formNumber reads an optional whole number from 0 to max; "" is 0, and
// anything else becomes an error beside the field.
func formNumber(rq *request, f *form, field string, max int) int {
	v := f.Values[field]
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(text.NormalizeDigits(v))
	if err != nil || n < 0 {
		f.fail(rq.l, field, "error.not_a_number")
		return 0
	}
	if n > max {
		f.fail(rq.l, field, "error.number_max", "Max", rq.l.Number(int64(max)))
		return 0
	}
	return n
}

// formDate reads an optional date: the yyyy-mm-dd a date input posts or,
// where the browser shows a plain text box, a date typed by hand
// (dd.mm.yyyy, or a Solar Hijri yyyy/mm/dd). A date that does not parse
// becomes an error beside the field; "" is the zero time (unknown). A date
// read by hand is put back as yyyy-mm-dd, which a date input can show.
func formDate(rq *request, f *form, field string) time.Time {
	v := f.Values[field]
	if v == "" {
		return time.Time{}
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t
	}
	t, err := text.ParseDate(v)
	if err != nil {
		k := text.ErrDateFormat.Key()
		var te *text.Error
		if errors.As(err, &te) {
			k = te.Key()
		}
		f.errors[field] = rq.l.T(k)
		return time.Time{}
	}
	f.Values[field] = t.Format(time.DateOnly)
	return t
}
