package registry

import (
	"strconv"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/web/kit"
)

// maxAge bounds the ages a filter accepts.
const maxAge = 120

// peopleFilter reads the list's filter form into the service's filter; a
// value it cannot use becomes an error beside its field and is left out.
func peopleFilter(rq *request, f *form) people.Filter {
	v := f.Values
	flt := people.Filter{RegionCode: kit.NormRegion(v["region"]), OrgID: kit.FilterID(rq, f, "org"), Category: v["category"],
		Status: people.Status(v["status"]), Sort: people.Sort(v["sort"])}
	flt.Grade = formNumber(rq, f, "grade", people.MaxGrade)
	flt.MinAge = formNumber(rq, f, "age_from", maxAge)
	flt.MaxAge = formNumber(rq, f, "age_to", maxAge)
	if flt.MaxAge > 0 && flt.MaxAge < flt.MinAge {
		f.Fail(rq.L, "age_to", "error.age_range")
		flt.MaxAge = 0
	}
	if flt.Status != "" && !flt.Status.Valid() {
		f.Fail(rq.L, "status", "error.invalid_choice")
		flt.Status = ""
	}
	switch v["has_id"] {
	case "yes", "no":
		has := v["has_id"] == "yes"
		flt.HasID = &has
	case "":
	default:
		f.Fail(rq.L, "has_id", "error.invalid_choice")
	}
	switch flt.Sort {
	case "", people.SortCreated, people.SortName, people.SortBirth:
	default:
		f.Fail(rq.L, "sort", "error.invalid_choice")
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
		f.Fail(rq.L, field, "error.not_a_number")
		return 0
	}
	if n > max {
		f.Fail(rq.L, field, "error.number_max", "Max", rq.L.Number(int64(max)))
		return 0
	}
	return n
}
