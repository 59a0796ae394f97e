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

func (a *API) createPerson(w http.ResponseWriter, r *http.Request, rq *request) error {
	var f personFields
	if err := decode(r, &f); err != nil {
		return err
	}
	var in people.Input
	if err := f.apply(&in); err != nil {
		return err
	}
	p, err := a.svc.People.Create(r.Context(), rq.p, in)
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
	p, err := a.svc.People.Get(r.Context(), rq.p, id, people.ViaAPI)
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
	p, err := a.svc.People.Get(r.Context(), rq.p, id, people.ViaAPI)
	if err != nil {
		return err
	}
	in := inputOf(p)
	if err := f.apply(&in); err != nil {
		return err
	}
	if p, err = a.svc.People.Update(r.Context(), rq.p, id, in); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, personOut(p))
}
