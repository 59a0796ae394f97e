package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
)

// person is a person as the API shows them: the registry's record with the
// date of birth as a calendar day ("2015-03-01"), absent when unknown.
type person struct {
	people.Person
	BirthDate string `json:"birth_date,omitempty"`
}

func personOut(p people.Person) person {
	out := person{Person: p}
	if !p.BirthDate.IsZero() {
		out.BirthDate = p.BirthDate.Format(time.DateOnly)
	}
	return out
}

// personFields is the body of POST /people and PATCH /people/{id}: on
// creation fields left out are empty, on a change they keep their value.
type personFields struct {
	LastName     *string        `json:"last_name"`
	FirstName    *string        `json:"first_name"`
	Patronymic   *string        `json:"patronymic"`
	BirthDate    *string        `json:"birth_date"` // yyyy-mm-dd; "" when unknown
	Sex          *people.Sex    `json:"sex"`
	IDKind       *string        `json:"id_kind"`
	NationalID   *string        `json:"national_id"`
	Phone        *string        `json:"phone"`
	RegionCode   *string        `json:"region_code"`
	Address      *string        `json:"address"`
	Languages    *[]string      `json:"languages"`
	OrgID        *int64         `json:"org_id"`
	Grade        *int           `json:"grade"`
	Status       *people.Status `json:"status"`
	Disability   *bool          `json:"disability"`
	SpecialNeeds *string        `json:"special_needs"`
	Notes        *string        `json:"notes"`
}

// apply writes the fields the body gave over in. A new ID number without
// its kind has its kind detected again from the number.
func (f personFields) apply(in *people.Input) error {
	if f.BirthDate != nil {
		d, err := parseDay(*f.BirthDate)
		if err != nil {
			return err
		}
		in.BirthDate = d
	}
	if f.NationalID != nil && f.IDKind == nil {
		in.IDKind = ""
	}
	set(&in.LastName, f.LastName)
	set(&in.FirstName, f.FirstName)
	set(&in.Patronymic, f.Patronymic)
	set(&in.Sex, f.Sex)
	set(&in.IDKind, f.IDKind)
	set(&in.NationalID, f.NationalID)
	set(&in.Phone, f.Phone)
	set(&in.RegionCode, f.RegionCode)
	set(&in.Address, f.Address)
	set(&in.Languages, f.Languages)
	set(&in.OrgID, f.OrgID)
	set(&in.Grade, f.Grade)
	set(&in.Status, f.Status)
	set(&in.Disability, f.Disability)
	set(&in.SpecialNeeds, f.SpecialNeeds)
	set(&in.Notes, f.Notes)
	return nil
}

// parseDay reads a date of birth as "yyyy-mm-dd"; "" is unknown.
func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, errs.Validation(errs.Field("birth_date", "date.format"))
	}
	return d, nil
}

// inputOf is what a user set on p, for a change that keeps the rest.
func inputOf(p people.Person) people.Input {
	return people.Input{LastName: p.LastName, FirstName: p.FirstName, Patronymic: p.Patronymic,
		BirthDate: p.BirthDate, Sex: p.Sex, IDKind: p.IDKind, NationalID: p.NationalID, Phone: p.Phone,
		RegionCode: p.RegionCode, Address: p.Address, Languages: p.Languages, OrgID: p.OrgID,
		Grade: p.Grade, Status: p.Status, Disability: p.Disability, SpecialNeeds: p.SpecialNeeds, Notes: p.Notes}
}

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
		found, err := a.People.Search(r.Context(), rq.p, q.Get("q"), limit)
		if err != nil {
			return err
		}
		return writeList(w, mapSlice(found, personOut), "")
	}
	f, err := peopleFilter(r)
	if err != nil {
		return err
	}
	out, next, err := a.People.List(r.Context(), rq.p, f, people.ParsePage(q.Get("cursor"), q.Get("limit")))
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

func (a *API) createPerson(w http.ResponseWriter, r *http.Request, rq *request) error {
	var f personFields
	if err := decode(r, &f); err != nil {
		return err
	}
	var in people.Input
	if err := f.apply(&in); err != nil {
		return err
	}
	p, err := a.People.Create(r.Context(), rq.p, in)
	if err != nil {
		return err
	}
	return created(w, Prefix+"/people/"+strconv.FormatInt(p.ID, 10), personOut(p))
}

// getPerson answers one person; the access log records that the caller
// opened the record through the API.
func (a *API) getPerson(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := a.People.Get(r.Context(), rq.p, id, people.ViaAPI)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, personOut(p))
}

func (a *API) updatePerson(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var f personFields
	if err := decode(r, &f); err != nil {
		return err
	}
	p, err := a.People.Get(r.Context(), rq.p, id, people.ViaAPI)
	if err != nil {
		return err
	}
	in := inputOf(p)
	if err := f.apply(&in); err != nil {
		return err
	}
	if p, err = a.People.Update(r.Context(), rq.p, id, in); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, personOut(p))
}

// candidate is the body of POST /people/matches: the person about to be
// registered, as for POST /people, with the household they will join and
// a person to leave out (the one being edited).
type candidate struct {
	personFields
	HouseholdID int64 `json:"household_id"`
	Except      int64 `json:"except_id"`
}

// match is a registered person who may be the candidate.
type match struct {
	Person person        `json:"person"`
	Reason people.Reason `json:"reason"`
	Score  int           `json:"score"`
}

// matchPeople lists the registered persons the caller may see who may be
// the candidate, strongest first: to search before creating.
func (a *API) matchPeople(w http.ResponseWriter, r *http.Request, rq *request) error {
	var c candidate
	if err := decode(r, &c); err != nil {
		return err
	}
	var in people.Input
	if err := c.apply(&in); err != nil {
		return err
	}
	cand := in.Candidate()
	cand.HouseholdID, cand.Except = c.HouseholdID, c.Except
	found, err := a.People.Matches(r.Context(), rq.p, cand)
	if err != nil {
		return err
	}
	return writeList(w, mapSlice(found, func(m people.Match) match {
		return match{Person: personOut(m.Person), Reason: m.Reason, Score: m.Score}
	}), "")
}

// mapSlice converts every element of in.
func mapSlice[T, U any](in []T, fn func(T) U) []U {
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = fn(v)
	}
	return out
}
