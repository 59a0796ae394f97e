package mentoring

import (
	"context"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
)

// row is a mentor of a list, checked.
type row struct {
	line int
	m    Mentor
}

// words are the values a cell may hold for a fixed choice, beside its
// code, in the five languages.
var words = map[string][]string{
	"kk": {"kazakh", "қазақ", "қазақша", "қазақ тілі", "казахский", "kazakhe", "قزاقی"},
	"ru": {"russian", "орыс", "орысша", "орыс тілі", "русский", "russe", "روسی"},
	"en": {"english", "ағылшын", "ағылшынша", "английский", "anglais", "انگلیسی"},
	"fr": {"french", "француз", "французша", "французский", "français", "فرانسوی"},
	"fa": {"persian", "farsi", "парсы", "персидский", "фарси", "persan", "فارسی"},

	InPerson: {"in person", "in-person", "offline", "бетпе-бет", "тікелей", "очно", "очный", "présentiel", "en personne", "حضوری"},
	Online:   {"online", "онлайн", "қашықтан", "дистанционно", "en ligne", "à distance", "آنلاین", "مجازی"},

	"yes": {"yes", "y", "1", "true", "иә", "ия", "да", "oui", "بله", "آری"},
	"no":  {"no", "n", "0", "false", "жоқ", "нет", "non", "خیر", "نه"},
}

func matcher(codes ...string) *imports.Matcher {
	named := make([]imports.Named, len(codes))
	for i, c := range codes {
		named[i] = imports.Named{Code: c, Names: words[c]}
	}
	return imports.NewMatcher(named)
}

// listParser reads rows for branch o.OrgID: the fields by code or name
// in any language, the backgrounds by code or their catalogue names, the
// regions by code or name, which must lie within the branch's region.
func (s *Service) listParser(ctx context.Context, p access.Principal, o imports.Options) (func(imports.Fields) (row, []imports.RowError), error) {
	org, err := s.branch(ctx, p, o.OrgID)
	if err != nil {
		return nil, err
	}
	fields, err := s.Fields(ctx)
	if err != nil {
		return nil, err
	}
	var known []string
	var named []imports.Named
	for _, f := range fields {
		if f.Active {
			known, named = append(known, f.Code), append(named, imports.Named{Code: f.Code, Names: f.Names()})
		}
	}
	cat, err := i18n.New()
	if err != nil {
		return nil, err
	}
	var bgs []imports.Named
	for _, b := range Backgrounds() {
		n := imports.Named{Code: string(b)}
		for _, l := range i18n.All() {
			n.Names = append(n.Names, cat.Localizer(l).T("mentoring.background."+string(b)))
		}
		bgs = append(bgs, n)
	}
	places, err := s.places(ctx, org.regionPath)
	if err != nil {
		return nil, err
	}
	lp := listParser{org: org, known: known, fields: imports.NewMatcher(named), bgs: imports.NewMatcher(bgs),
		places: places, langs: matcher(Languages()...), formats: matcher(InPerson, Online), yesNo: matcher("yes", "no")}
	return lp.parse, nil
}

// places are the regions within path, by code or name, with their ids
// and paths.
func (s *Service) places(ctx context.Context, path string) (placeIndex, error) {
	ix := placeIndex{byCode: map[string]place{}}
	var named []imports.Named
	for pg := (store.Page{Limit: store.MaxLimit}); ; {
		rs, next, err := s.geo.List(ctx, access.System, "", pg)
		if err != nil {
			return ix, err
		}
		for _, r := range rs {
			if strings.HasPrefix(r.Path, path) {
				ix.byCode[r.Code] = place{id: r.ID, path: r.Path}
				named = append(named, imports.Named{Code: r.Code, Names: []string{r.NameEN, r.NameKK, r.NameRU, r.NameFR, r.NameFA}})
			}
		}
		if next == "" {
			break
		}
		pg = store.ParsePage(next, "500")
	}
	ix.match = imports.NewPlaceMatcher(named)
	return ix, nil
}

type place struct {
	id   int64
	path string
}

type placeIndex struct {
	match  *imports.Matcher
	byCode map[string]place
}

// atoi reads a whole number in any script's digits; -1 when it is not one.
func atoi(s string) int {
	n, err := strconv.Atoi(text.NormalizeDigits(strings.TrimSpace(s)))
	if err != nil {
		return -1
	}
	return n
}
