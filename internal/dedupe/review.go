package dedupe

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/linkage"
	"github.com/jolproject/jol/internal/people"
)

// Review is a pair opened for a decision: both records whole and how
// each compared field agrees.
type Review struct {
	Pair
	PersonA people.Person `json:"person_a"`
	PersonB people.Person `json:"person_b"`
	Fields  []FieldView   `json:"fields"`
}

// FieldView is one compared field of a pair.
type FieldView struct {
	Field     string    `json:"field"`
	Agreement Agreement `json:"agreement"`
}

// Open returns pair id for p to decide: p must be allowed to review
// duplicates and to see both records; a pair with a record outside p's
// scope is not found. Each record read is written to the access log,
// through via.
func (s *Service) Open(ctx context.Context, p access.Principal, id int64, via people.Via) (Review, error) {
	pr, err := s.visible(ctx, p, id)
	if err != nil {
		return Review{}, err
	}
	r := Review{Pair: pr}
	if r.PersonA, err = s.d.People.Get(ctx, p, pr.A.ID, via); err != nil {
		return Review{}, err
	}
	if r.PersonB, err = s.d.People.Get(ctx, p, pr.B.ID, via); err != nil {
		return Review{}, err
	}
	r.A = side(r.PersonA)
	r.B = side(r.PersonB)
	r.Fields = compare(r.PersonA, r.PersonB)
	return r, nil
}

// visible reads pair id once p may review it: both records within p's
// scope, read without writing the access log (Open writes it).
func (s *Service) visible(ctx context.Context, p access.Principal, id int64) (Pair, error) {
	if err := access.Can(p, access.ReviewDuplicates, p.Scope()); err != nil {
		return Pair{}, err
	}
	pr, err := s.pair(ctx, s.d.DB.R, id)
	if err != nil {
		return Pair{}, err
	}
	for _, pid := range []int64{pr.A.ID, pr.B.ID} {
		per, err := s.d.People.ViewChild(ctx, p, pid)
		if errs.CodeOf(err) == errs.Forbidden {
			return Pair{}, errs.ErrNotFound
		} else if err != nil {
			return Pair{}, err
		}
		if access.Can(p, access.ReviewDuplicates, per.Target()) != nil {
			return Pair{}, errs.ErrNotFound
		}
	}
	return pr, nil
}

func side(p people.Person) Side {
	return Side{ID: p.ID, Name: p.FullName(), BirthDate: p.BirthDate, RegionPath: p.RegionPath}
}

// compare grades the compared fields of two records as a scan does,
// with the engine's comparators.
func compare(a, b people.Person) []FieldView {
	d := linkage.NewDataset(linkage.NewLexicon())
	d.RegionCodes = true
	for _, p := range []people.Person{a, b} {
		in := linkage.Input{Last: p.LastName, First: p.FirstName, Patronymic: p.Patronymic, NatID: p.NationalID}
		fill(&in, p.BirthDate, string(p.Sex), p.RegionPath)
		d.Add(in)
	}
	g := agreements(linkage.Compare(d, 0, 1, nil))
	out := make([]FieldView, 0, len(Fields()))
	for _, f := range Fields() {
		a, ok := g[f]
		if !ok {
			a = Missing // neither record has it
		}
		out = append(out, FieldView{Field: f, Agreement: a})
	}
	return out
}
