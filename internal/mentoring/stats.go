package mentoring

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Count is a part of the pool: how many approved mentors, their capacity
// and the places still free.
type Count struct {
	Mentors  int `json:"mentors"`
	Capacity int `json:"capacity"`
	Free     int `json:"free"`
}

func (c *Count) add(o Count) { c.Mentors += o.Mentors; c.Capacity += o.Capacity; c.Free += o.Free }

// Stats is the approved pool within a scope, by field of expertise, by
// region and by background. A mentor of two fields counts under each in
// ByField; ByRegion, ByBackground and Total count every mentor once.
type Stats struct {
	Total        Count                `json:"total"`
	ByField      map[string]Count     `json:"by_field"`
	ByRegion     map[string]Count     `json:"by_region"` // by region code
	ByBackground map[Background]Count `json:"by_background"`
}

// Stats counts the approved mentors within p's scope; p needs
// ViewMentors. Only counts leave: no mentor is named.
func (s *Service) Stats(ctx context.Context, p access.Principal) (Stats, error) {
	if err := access.Can(p, access.ViewMentors, p.Scope()); err != nil {
		return Stats{}, err
	}
	st := Stats{ByField: map[string]Count{}, ByRegion: map[string]Count{}, ByBackground: map[Background]Count{}}
	type byField struct {
		field string
		c     Count
	}
	fields, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (byField, error) {
		var r byField
		return r, scanCount(sc, &r.c, &r.field)
	}, s.q.StatsFields, p.ScopeArgs()...)
	if err != nil {
		return Stats{}, err
	}
	for _, r := range fields {
		st.ByField[r.field] = r.c
	}
	type byPlace struct {
		region string
		bg     Background
		c      Count
	}
	pool, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (byPlace, error) {
		var r byPlace
		return r, scanCount(sc, &r.c, &r.region, &r.bg)
	}, s.q.StatsPool, p.ScopeArgs()...)
	if err != nil {
		return Stats{}, err
	}
	for _, r := range pool {
		addTo(st.ByRegion, r.region, r.c)
		addTo(st.ByBackground, r.bg, r.c)
		st.Total.add(r.c)
	}
	return st, nil
}

// scanCount reads the keys of a row, then its count, capacity and places
// in use.
func scanCount(sc store.Scanner, c *Count, keys ...any) error {
	var used int
	if err := sc.Scan(append(keys, &c.Mentors, &c.Capacity, &used)...); err != nil {
		return err
	}
	c.Free = c.Capacity - used
	return nil
}

func addTo[K comparable](m map[K]Count, k K, c Count) {
	v := m[k]
	v.add(c)
	m[k] = v
}
