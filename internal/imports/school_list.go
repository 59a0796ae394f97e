package imports

import (
	"context"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/text"
)

// The columns a school's list adds to the people list's: what each pupil
// needs (items or kits, by code or by name in any of the five languages,
// separated by ";"), the sizes, a note for the reviewer and how far the
// pupil lives from school, in kilometres (what the campaign's distance
// weight scores).
const (
	Item       Column = "item"
	Size       Column = "size"
	Note       Column = "note"
	DistanceKm Column = "distance_km"
)

// SchoolListTarget is the target "school-list": a school's or a centre's
// list of pupils, each registered (or found) as the people list does it,
// then given a request in the campaign Options.Campaign names, through
// the school_list channel, the uploading organisation applying.
func SchoolListTarget(reg *people.Service, g *geo.Service, o *orgs.Service, rq *requests.Service) *Target {
	return Define[listRow](schoolList{people: peopleList{reg: reg, geo: g, orgs: o}, reqs: rq})
}

type schoolList struct {
	people peopleList
	reqs   *requests.Service
}

// listRow is a row of a school's list: the person as the people list
// reads them, and the request.
type listRow struct {
	person people.ImportRow
	lines  []requests.LineInput
	item   string // the cells, for the reasons of a refused request
	size   string
	note   string
	km     *float64 // the distance to school, when the list gives it
}

func (schoolList) Name() string  { return "school-list" }
func (schoolList) Label() string { return "imports.target_school_list" }

// Summary names a run's totals as the rows' requests went (see Batch).
func (schoolList) Summary() string { return "imports.summary_school_list" }

// Columns are the people list's, then item, size, note and distance.
func (schoolList) Columns() []ColumnSpec {
	return append(peopleColumns(),
		ColumnSpec{Key: Item, Label: "field.item", Aliases: []string{"item", "items", "kit", "what is needed",
			"керек", "қажеттілік", "жиынтық", "заттар", "набор", "комплект", "нужды", "что нужно",
			"کالا", "بسته", "اقلام", "article", "articles", "kit scolaire", "besoin"}},
		ColumnSpec{Key: Size, Label: "field.size", Aliases: []string{"size", "sizes", "өлшемі", "өлшем", "размер",
			"размеры", "سایز", "اندازه", "taille", "pointure"}},
		ColumnSpec{Key: Note, Label: "field.note", Aliases: []string{"note", "notes", "comment", "ескерту", "ескертпе",
			"примечание", "комментарий", "یادداشت", "توضیحات", "remarque", "commentaire"}},
		ColumnSpec{Key: DistanceKm, Label: "field.distance_km", Aliases: []string{"distance", "distance km",
			"distance to school", "distance to school km", "km to school", "қашықтық", "қашықтық км",
			"мектепке дейінгі қашықтық", "мектепке дейін км", "расстояние", "расстояние км", "расстояние до школы",
			"расстояние до школы км", "км до школы", "فاصله", "فاصله تا مدرسه", "فاصله کیلومتر",
			"فاصله تا مدرسه کیلومتر", "distance école", "distance domicile école"}})
}

// Parser reads a row's person as the people list does, then what the row
// asks for, checked against the campaign's offer. A row the campaign
// could never take (the campaign is not open, an item it does not offer,
// a size the item does not come in, a place outside its regions) is
// refused here, before its person is written, so the preview says so too.
func (l schoolList) Parser(ctx context.Context, p access.Principal, o Options) (func(Fields) (listRow, []RowError), error) {
	parse, err := l.people.Parser(ctx, p, o)
	if err != nil {
		return nil, err
	}
	lp := &listParser{ctx: ctx, parse: parse, geo: l.people.geo, paths: map[string]string{}}
	if o.Campaign == 0 {
		lp.refuse = "imports.campaign_required"
		return lp.row, nil
	}
	org, err := l.people.orgs.Get(ctx, p, o.OrgID)
	if err != nil {
		return nil, err
	}
	if err := access.Can(p, access.SubmitRequests, org.Target()); err != nil {
		return nil, err
	}
	c, err := l.reqs.ListCampaign(ctx, p, o.Campaign, "")
	if err != nil {
		return nil, err
	}
	lp.c = &c
	if !c.Open {
		lp.refuse = "error.campaign_not_open"
	}
	named := make([]Named, len(c.Offer))
	for i, it := range c.Offer {
		named[i] = Named{Code: it.Code, Names: it.Names}
	}
	lp.items = NewMatcher(named)
	return lp.row, nil
}

// listParser reads the rows of a school's list.
type listParser struct {
	ctx    context.Context // the import's
	parse  func(Fields) (people.ImportRow, []RowError)
	c      *requests.ListCampaign
	items  *Matcher
	refuse string // the key every row is refused with, when the list cannot be filed at all
	geo    *geo.Service
	paths  map[string]string // region code to path, as looked up
}

func (lp *listParser) row(f Fields) (listRow, []RowError) {
	row := listRow{item: f.Get(Item), size: f.Get(Size), note: strings.TrimSpace(f.Get(Note))}
	var errs []RowError
	row.person, errs = lp.parse(f)
	if cell := f.Get(DistanceKm); cell != "" {
		if km, ok := text.ParseDecimal(cell); ok && km >= 0 && km <= requests.MaxDistanceKm {
			row.km = &km
		} else {
			errs = append(errs, f.Error(DistanceKm, "error.distance_range", "Max", requests.MaxDistanceKm))
		}
	}
	if lp.refuse != "" {
		return row, append(errs, RowError{Line: f.Line, Key: lp.refuse})
	}
	row.lines, errs = lp.lines(f, row, errs)
	if path := lp.path(row.person.Person.RegionCode); lp.c.Beyond(path) {
		errs = append(errs, f.Error(Region, "error.request_outside_region"))
	}
	return row, errs
}

// lines reads the items a row asks for, with their sizes: the campaign's
// first offer when the row names none. One size goes to every item that
// comes in sizes; several go to the items in their order.
func (lp *listParser) lines(f Fields, row listRow, errs []RowError) ([]requests.LineInput, []RowError) {
	names, sizes := splitList(row.item), splitList(row.size)
	if len(names) == 0 && len(lp.c.Offer) > 0 {
		names = []string{lp.c.Offer[0].Code}
	}
	if len(names) == 0 {
		return nil, append(errs, f.Error(Item, "error.item_not_offered"))
	}
	if len(sizes) > 1 && len(sizes) != len(names) {
		return nil, append(errs, f.Error(Size, "imports.sizes_count", "Count", len(names)))
	}
	var out []requests.LineInput
	for i, n := range names {
		code, ok := lp.items.Find(n)
		if !ok {
			errs = append(errs, RowError{Line: f.Line, Column: string(Item), Value: n, Key: "error.item_not_offered"})
			continue
		}
		it := lp.c.Offer[slices.IndexFunc(lp.c.Offer, func(it requests.ListItem) bool { return it.Code == code })]
		size := ""
		switch {
		case len(sizes) > 1:
			size = sizes[i]
		case len(sizes) == 1 && it.Sizing != "none":
			size = sizes[0]
		}
		if key := requests.SizeError(it.Sizing, size); key != "" {
			errs = append(errs, RowError{Line: f.Line, Column: string(Size), Value: size, Key: key})
			continue
		}
		out = append(out, requests.LineInput{ItemID: it.ID, Size: size})
	}
	return out, errs
}

// path is the path of the region of code, "" when there is none.
func (lp *listParser) path(code string) string {
	if code == "" {
		return ""
	}
	p, ok := lp.paths[code]
	if !ok {
		if r, err := lp.geo.Lookup(lp.ctx, code); err == nil {
			p = r.Path
		}
		lp.paths[code] = p
	}
	return p
}

// splitList splits a cell of several values separated by ";".
func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ";") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// listError turns the reason a request was refused into the row's error.
func listError(row listRow, e *errs.Error) []RowError {
	line := row.person.Line
	if len(e.Fields) == 0 {
		col, val := "", ""
		if e.Key == "error.request_outside_region" {
			col = string(Region)
		}
		return []RowError{{Line: line, Column: col, Value: val, Key: e.Key, Args: e.Args}}
	}
	var out []RowError
	for _, fe := range e.Fields {
		col, val := fe.Field, ""
		switch {
		case strings.HasSuffix(fe.Field, ".item"):
			col, val = string(Item), row.item
		case strings.HasSuffix(fe.Field, ".size"):
			col, val = string(Size), row.size
		case fe.Field == "distance_km":
			col = string(DistanceKm)
		}
		out = append(out, RowError{Line: line, Column: col, Value: val, Key: fe.Key, Args: fe.Args})
	}
	return out
}
