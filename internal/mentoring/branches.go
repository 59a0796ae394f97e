package mentoring

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Branch is an organisation a mentor may apply to, with the places of its
// region a mentor of it may live in: what the public form offers.
type Branch struct {
	ID         int64   `json:"id"`
	Name       string  `json:"name"`
	RegionCode string  `json:"region"`
	Places     []Place `json:"places"`
	regionPath string
}

// Place is a region a branch covers, named in the five languages.
type Place struct {
	Code   string `json:"code"`
	NameEN string `json:"name_en"`
	NameKK string `json:"name_kk"`
	NameRU string `json:"name_ru"`
	NameFR string `json:"name_fr"`
	NameFA string `json:"name_fa"`
}

// Name is the place's name in locale, English when it has none there.
func (p Place) Name(locale string) string {
	n := map[string]string{"kk": p.NameKK, "ru": p.NameRU, "fr": p.NameFR, "fa": p.NameFA}[locale]
	if n == "" {
		return p.NameEN
	}
	return n
}

// Branches lists the active organisations with a region, each with the
// places it covers: public, as the application form needs no login, and
// naming nobody.
func (s *Service) Branches(ctx context.Context) ([]Branch, error) {
	list, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (Branch, error) {
		var b Branch
		return b, sc.Scan(&b.ID, &b.Name, &b.RegionCode, &b.regionPath)
	}, s.q.Branches)
	if err != nil {
		return nil, err
	}
	for i := range list {
		lo, hi := access.Span(list[i].regionPath)
		list[i].Places, err = store.Select(ctx, s.db.R, func(sc store.Scanner) (Place, error) {
			var p Place
			return p, sc.Scan(&p.Code, &p.NameEN, &p.NameKK, &p.NameRU, &p.NameFR, &p.NameFA)
		}, s.q.Places, lo, hi)
		if err != nil {
			return nil, err
		}
	}
	return list, nil
}
