package people

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
)

// Reason says why Matches found a person.
type Reason string

// The reasons of Matches, strongest first, with their scores.
const (
	SameID           Reason = "same_id"            // the same ID number: almost surely the same person
	SameNameBirth    Reason = "same_name_birth"    // the same name key and date of birth
	SimilarNameBirth Reason = "similar_name_birth" // the same last-name key, a first-name key alike, the same date of birth
	SameHousehold    Reason = "same_household"     // lives in the household the new person joins
)

var scores = map[Reason]int{SameID: 100, SameNameBirth: 90, SimilarNameBirth: 70, SameHousehold: 30}

// Match is a registered person who may be the one about to be registered.
type Match struct {
	Person Person `json:"person"`
	Reason Reason `json:"reason"` // the strongest reason
	Score  int    `json:"score"`  // 0–100, higher is likelier the same person
}

// Candidate is what is known of a person before registering them.
type Candidate struct {
	LastName, FirstName, Patronymic string
	BirthDate                       time.Time
	NationalID                      string
	HouseholdID                     int64 // the household the person will join, 0 for none
	Except                          int64 // a person to leave out: the one being edited
}

// similarFirst is how many bytes of the first name's key a similar name
// shares: the first two consonants (or an initial vowel and a consonant).
const similarFirst = 2

// Matches returns the persons p may see who may be candidate, strongest
// first: to search before creating, and to show beside a form.
func (s *Service) Matches(ctx context.Context, p access.Principal, c Candidate) ([]Match, error) {
	return s.matches(ctx, s.db.R, p, c)
}

// matches is Matches reading through r.
func (s *Service) matches(ctx context.Context, r store.Querier, p access.Principal, c Candidate) ([]Match, error) {
	if err := access.Can(p, access.ViewChild, p.Scope()); err != nil {
		return nil, err
	}
	found := map[int64]Match{}
	add := func(ps []Person, why func(Person) Reason) {
		for _, per := range ps {
			r := why(per)
			if per.ID != c.Except && (found[per.ID].Score < scores[r]) {
				found[per.ID] = Match{Person: per, Reason: r, Score: scores[r]}
			}
		}
	}
	if digits, ok := onlyDigits(text.NormalizeDigits(strings.TrimSpace(c.NationalID))); ok {
		ps, err := s.queryPersons(ctx, r, p, s.q.SearchID, store.Args(p.ScopeArgs(), []any{digits, SearchLimit})...)
		if err != nil {
			return nil, err
		}
		add(ps, func(Person) Reason { return SameID })
	}
	last, first := text.Key(text.Clean(c.LastName)), text.Key(text.Clean(c.FirstName))
	if birth := date(c.BirthDate); !birth.IsZero() && last != "" {
		key := text.NameKey(text.Clean(c.LastName), text.Clean(c.FirstName), text.Clean(c.Patronymic))
		prefix := last
		if first != "" {
			prefix += " " + first[:min(len(first), similarFirst)]
		}
		lo, hi := access.Span(prefix)
		ps, err := s.queryPersons(ctx, r, p, s.q.MatchName, store.Args(p.ScopeArgs(), []any{lo, hi, birth, c.Except})...)
		if err != nil {
			return nil, err
		}
		add(ps, func(m Person) Reason {
			if sameName(m.nameKey, key) {
				return SameNameBirth
			}
			return SimilarNameBirth
		})
	}
	if c.HouseholdID != 0 {
		ps, err := s.queryPersons(ctx, r, p, s.q.MatchHousehold, store.Args(p.ScopeArgs(), []any{c.HouseholdID, c.Except})...)
		if err != nil {
			return nil, err
		}
		add(ps, func(Person) Reason { return SameHousehold })
	}
	out := make([]Match, 0, len(found))
	for _, m := range found {
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b Match) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Person.ID, b.Person.ID))
	})
	return out, nil
}

// Candidate is what Matches needs of an input: call it with the form about
// to be saved.
func (in Input) Candidate() Candidate {
	return Candidate{LastName: in.LastName, FirstName: in.FirstName, Patronymic: in.Patronymic,
		BirthDate: in.BirthDate, NationalID: in.NationalID}
}

// sameName reports whether two name keys are equal, or equal but for a
// patronymic one of them lacks.
func sameName(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	return a == b || strings.Count(b, " ") >= 1 && strings.HasPrefix(a, b+" ")
}
