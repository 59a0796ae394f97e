package api

import (
	"net/http"

	"github.com/jolproject/jol/internal/people"
)

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
	found, err := a.svc.People.Matches(r.Context(), rq.p, cand)
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
