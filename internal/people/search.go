package people

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
)

// SearchLimit is the most persons Search returns.
const SearchLimit = 50

// maxFirstWords is how many words typed are also looked for after the
// last name: a first name, or a first name and patronymic.
const maxFirstWords = 2

// Search finds the persons p may see from what was typed in one box:
//
//   - 10 or 12 digits (spaces and dashes allowed, Persian digits too): an
//     Iranian national code or a Kazakh IIN, and 8 or 9 that are a national
//     code without its leading zeros; when no one holds it, a phone;
//   - 7 digits or more otherwise: a phone (the person's or their household's);
//   - a document number (letters and digits, as "N12345678"): the number
//     of an ID of another kind;
//   - anything else: names, in any script and any order of last and first
//     name ("Мадина Ахметова", "Akhmetova Madina"), each word typed a prefix
//     of the name's words by their phonetic key, and a household reference.
//     One or two words also find a first name alone ("Madina", "مدینه")
//     or a first name and patronymic ("Мадина Сериковна").
//
// Results are ordered by name key; at most limit (SearchLimit when 0).
func (s *Service) Search(ctx context.Context, p access.Principal, q string, limit int) ([]Person, error) {
	return s.search(ctx, s.db.R, p, q, searchLimit(limit))
}

// searchLimit is the limit a search by Search keeps to.
func searchLimit(limit int) int {
	if limit <= 0 || limit > SearchLimit {
		return SearchLimit
	}
	return limit
}

// SearchCountCap is where SearchCounted stops counting: a search that
// finds more says "more than 100", and the user narrows it. Counting runs
// the search's own queries further, so its cost grows with the cap: at
// 1,000,000 persons a first name alone, searched within one school,
// took 96 ms p95 to count to 500 and takes about a fifth of that to 100.
const SearchCountCap = 100

// SearchCounted is Search (at most SearchLimit persons) with how many
// persons matched, counted up to SearchCountCap by running the same
// queries further, so the count covers exactly the persons p may see.
func (s *Service) SearchCounted(ctx context.Context, p access.Principal, q string) ([]Person, store.Count, error) {
	out, err := s.search(ctx, s.db.R, p, q, SearchCountCap+1)
	if err != nil {
		return nil, store.Count{}, err
	}
	n := store.Count{N: len(out)}
	if n.N > SearchCountCap {
		n = store.Count{N: SearchCountCap, More: true}
	}
	return out[:min(len(out), SearchLimit)], n, nil
}

// search is Search with any limit, reading through r.
func (s *Service) search(ctx context.Context, r store.Querier, p access.Principal, q string, limit int) ([]Person, error) {
	if err := access.Can(p, access.ViewChild, p.Scope()); err != nil {
		return nil, err
	}
	q = strings.TrimSpace(text.NormalizeDigits(q))
	if digits, ok := onlyDigits(q); ok && len(digits) >= minPhoneDigits {
		if id, ok := idNumber(digits); ok {
			out, err := s.queryPersons(ctx, r, p, s.q.SearchID, store.Args(p.ScopeArgs(), []any{id, limit})...)
			if err != nil || len(out) > 0 {
				return out, err
			}
		}
		return s.queryPersons(ctx, r, p, s.q.SearchPhone, store.Args(p.ScopeArgs(), []any{phoneKey(digits), limit})...)
	}
	if doc := strings.ToUpper(q); isDocument(doc) {
		out, err := s.queryPersons(ctx, r, p, s.q.SearchID, store.Args(p.ScopeArgs(), []any{doc, limit})...)
		if err != nil || len(out) > 0 {
			return out, err
		}
	}
	var out []Person
	for _, prefix := range namePrefixes(q) {
		lo, hi := access.Span(prefix)
		queries := []string{s.q.SearchName}
		if strings.Count(prefix, " ") < maxFirstWords {
			queries = append(queries, s.q.SearchFirstName)
		}
		for _, query := range queries {
			got, err := s.queryPersons(ctx, r, p, query, store.Args(p.ScopeArgs(), []any{lo, hi, limit})...)
			if err != nil {
				return nil, err
			}
			out = append(out, got...)
		}
	}
	if q != "" {
		got, err := s.queryPersons(ctx, r, p, s.q.SearchRef, store.Args(p.ScopeArgs(), []any{q, limit})...)
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	slices.SortFunc(out, func(a, b Person) int {
		if c := strings.Compare(a.nameKey, b.nameKey); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	out = slices.CompactFunc(out, func(a, b Person) bool { return a.ID == b.ID })
	return out[:min(len(out), limit)], nil
}
