package guidance

import (
	"context"
	"strings"

	"github.com/jolproject/jol/internal/guidance"
	"github.com/jolproject/jol/internal/people"
)

// candidate is a child a search on an offer's page found, to be placed
// with one button: named, with the date of birth and school that tell
// two children of one name apart.
type candidate struct {
	people.Person
	Age    string
	Placed bool // already on this offer
}

// picker is the search of the offer page's "place a child" form: what was
// typed (the same box as the registry's search: a name in any script, an
// ID number, a phone) and the children it found in the user's scope.
type picker struct {
	Query  string
	Found  []candidate
	Capped string // more were found than are shown
	Adults int    // persons found who are not children, left out
}

// pickChildren searches the registry for the children a user may place on
// an offer; it runs on a GET of the offer page, so the form works without
// scripts: search, then press the button beside the child.
func (s *Server) pickChildren(ctx context.Context, rq *request, q string, placed []guidance.Placement) (picker, error) {
	pk := picker{Query: strings.TrimSpace(q)}
	if pk.Query == "" {
		return pk, nil
	}
	found, n, err := s.svc.People.SearchCounted(ctx, rq.P, pk.Query)
	if err != nil {
		return pk, err
	}
	on := map[int64]bool{}
	for _, pl := range placed {
		on[pl.PersonID] = true
	}
	today := s.Today(rq)
	for _, p := range found {
		age, known := p.Age(today)
		if known && age >= people.Adult {
			pk.Adults++
			continue
		}
		c := candidate{Person: p, Placed: on[p.ID]}
		if known {
			c.Age = rq.L.T("people.age", "Count", age)
		}
		pk.Found = append(pk.Found, c)
	}
	if n.More || n.N > len(found) {
		key := "people.search_capped"
		if n.More {
			key = "people.search_capped_more"
		}
		pk.Capped = rq.L.T(key, "Count", n.N, "Shown", rq.L.Number(int64(len(found))))
	}
	return pk, nil
}
