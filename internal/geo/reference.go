package geo

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// referenceCSV is the builtin data: the first-level divisions of Kazakhstan
// and Iran with their ISO 3166-2 codes (ISO 3166-2:KZ, ISO 3166-2:IR) and
// their names in each language. Lines starting with "#" are comments.
//
//go:embed regions.csv
var referenceCSV string

// Countries are the roots of the tree, in the order they are seeded.
func Countries() []Region {
	return []Region{
		{Code: "KZ", Country: "KZ", Type: "country", NameEN: "Kazakhstan", NameKK: "Қазақстан",
			NameRU: "Казахстан", NameFR: "Kazakhstan", NameFA: "قزاقستان", Builtin: true},
		{Code: "IR", Country: "IR", Type: "country", NameEN: "Iran", NameKK: "Иран",
			NameRU: "Иран", NameFR: "Iran", NameFA: "ایران", Builtin: true},
	}
}

// Reference returns the builtin regions as shipped: the countries first,
// then their first-level divisions in file order. IDs and paths are not set.
func Reference() ([]Region, error) {
	cr := csv.NewReader(strings.NewReader(referenceCSV))
	cr.Comment = '#'
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("geo: reference header: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, h := range []string{"code", "country", "type", "name_en", "name_kk", "name_ru", "name_fr", "name_fa"} {
		if _, ok := col[h]; !ok {
			return nil, fmt.Errorf("geo: reference: no column %s", h)
		}
	}
	out := Countries()
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("geo: reference: %w", err)
		}
		r := Region{Code: rec[col["code"]], ParentCode: rec[col["country"]], Country: rec[col["country"]],
			Type: rec[col["type"]], Builtin: true}
		for _, n := range nameColumns() {
			*r.name(n) = rec[col[n]]
		}
		out = append(out, r)
	}
}

// nameColumns lists the name columns, one per locale, in CSV order.
func nameColumns() []string {
	return []string{"name_en", "name_kk", "name_ru", "name_fr", "name_fa"}
}

// name points at the name field for a locale or a CSV column ("name_kk").
func (r *Region) name(locale string) *string {
	switch locale {
	case "en", "name_en":
		return &r.NameEN
	case "kk", "name_kk":
		return &r.NameKK
	case "ru", "name_ru":
		return &r.NameRU
	case "fr", "name_fr":
		return &r.NameFR
	case "fa", "name_fa":
		return &r.NameFA
	}
	return nil
}
