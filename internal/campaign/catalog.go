package campaign

import (
	"context"
	"database/sql"
	"errors"
	"regexp"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// Sizing says which sizes an item comes in.
type Sizing string

// The kinds of sizing.
const (
	NoSizes Sizing = "none"
	Clothes Sizing = "clothes"
	Shoes   Sizing = "shoes"
)

// Sizings lists the kinds of sizing.
func Sizings() []Sizing { return []Sizing{NoSizes, Clothes, Shoes} }

// Units lists the units an item is counted in.
func Units() []string { return []string{"piece", "set", "pack", "place", "service"} }

// Bounds of a catalogue entry.
const (
	MaxGrade     = 12
	MaxQuantity  = 1000 // of one component in a kit
	MaxComponent = 30   // components of one kit
)

// Item is an entry of the aid catalogue: an item or a kit of items.
type Item struct {
	ID            int64       `json:"id"`
	Code          string      `json:"code"`
	IsKit         bool        `json:"is_kit"`
	Sizing        Sizing      `json:"sizing"`
	SerialTracked bool        `json:"serial_tracked"`
	GradeMin      int         `json:"grade_min"` // 0 with GradeMax 0: any grade
	GradeMax      int         `json:"grade_max"`
	Unit          string      `json:"unit"`
	Names         Names       `json:"names"`
	Active        bool        `json:"active"`
	Builtin       bool        `json:"builtin"`
	Sort          int         `json:"sort"`
	Components    []Component `json:"components,omitempty"`
}

// Names are an entry's names per language; English is required and the
// others fall back to it.
type Names struct {
	EN string `json:"en"`
	KK string `json:"kk,omitempty"`
	RU string `json:"ru,omitempty"`
	FR string `json:"fr,omitempty"`
	FA string `json:"fa,omitempty"`
}

func (n Names) array() names { return names{n.EN, n.KK, n.RU, n.FR, n.FA} }

// Name is the entry's name in locale.
func (i Item) Name(locale string) string { return i.Names.array().get(locale) }

// Sizes are the sizes a request may ask for the item in.
func (i Item) Sizes() []string { return Sizes(i.Sizing) }

// Component is one line of a kit's bill of materials.
type Component struct {
	ItemID   int64  `json:"item_id"`
	Code     string `json:"code,omitempty"`
	Quantity int    `json:"quantity"`
	names    names
}

// Name is the component's name in locale.
func (c Component) Name(locale string) string { return c.names.get(locale) }

var codeRE = regexp.MustCompile(`^[a-z][a-z0-9_]{1,39}$`)

// check cleans it and lists what is wrong with it that needs no database.
func (it *Item) check() []errs.FieldError {
	var fs []errs.FieldError
	it.Code = strings.ToLower(strings.TrimSpace(it.Code))
	if !codeRE.MatchString(it.Code) {
		fs = append(fs, errs.Field("code", "error.item_code"))
	}
	n := &it.Names
	for _, x := range []*string{&n.EN, &n.KK, &n.RU, &n.FR, &n.FA} {
		*x = text.Clean(*x)
	}
	fs = valid.Name(fs, "name_en", n.EN, MaxName)
	for f, v := range map[string]string{"name_kk": n.KK, "name_ru": n.RU, "name_fr": n.FR, "name_fa": n.FA} {
		fs = valid.Line(fs, f, v, MaxName)
	}
	if it.Sizing == "" {
		it.Sizing = NoSizes
	}
	if !contains(Sizings(), it.Sizing) {
		fs = append(fs, valid.Choice("sizing", Sizings()...))
	}
	if it.Unit == "" {
		it.Unit = "piece"
	}
	if !contains(Units(), it.Unit) {
		fs = append(fs, valid.Choice("unit", Units()...))
	}
	if it.GradeMin < 0 || it.GradeMax > MaxGrade || it.GradeMin > it.GradeMax || (it.GradeMin == 0) != (it.GradeMax == 0) {
		fs = append(fs, errs.Field("grade_max", "error.item_grades", "Max", MaxGrade))
	}
	switch {
	case it.IsKit && len(it.Components) == 0:
		fs = append(fs, errs.Field("components", "error.kit_empty"))
	case !it.IsKit && len(it.Components) > 0:
		fs = append(fs, errs.Field("components", "error.not_a_kit"))
	case len(it.Components) > MaxComponent:
		fs = append(fs, errs.Field("components", "error.too_many", "Max", MaxComponent))
	}
	if it.IsKit && it.SerialTracked {
		fs = append(fs, errs.Field("serial_tracked", "error.kit_serial"))
	}
	for _, c := range it.Components {
		if c.Quantity < 1 || c.Quantity > MaxQuantity {
			fs = append(fs, errs.Field("components", "error.kit_quantity", "Max", MaxQuantity))
			break
		}
	}
	return fs
}

// Items returns the catalogue, kits with their components; inactive
// entries only when all is set.
func (s *Service) Items(ctx context.Context, p access.Principal, all bool) ([]Item, error) {
	if err := access.Can(p, access.ViewCampaigns, p.Scope()); err != nil {
		return nil, err
	}
	return s.items(ctx, s.db.R, all)
}

func (s *Service) items(ctx context.Context, q store.Querier, all bool) ([]Item, error) {
	list, err := store.Select(ctx, q, scanItem, s.q.AidFrom+" "+s.q.AidItems, all)
	if err != nil {
		return nil, err
	}
	comps, err := store.Select(ctx, q, scanKitLine, s.q.AllComponents)
	if err != nil {
		return nil, err
	}
	at := map[int64]int{}
	for i, it := range list {
		at[it.ID] = i
	}
	for _, c := range comps {
		if i, ok := at[c.kit]; ok {
			list[i].Components = append(list[i].Components, c.Component)
		}
	}
	return list, nil
}

// Item returns catalogue entry id with its components.
func (s *Service) Item(ctx context.Context, p access.Principal, id int64) (Item, error) {
	if err := access.Can(p, access.ViewCampaigns, p.Scope()); err != nil {
		return Item{}, err
	}
	return s.item(ctx, s.db.R, id)
}

func (s *Service) item(ctx context.Context, q store.Querier, id int64) (Item, error) {
	it, err := scanItem(q.QueryRowContext(ctx, s.q.AidFrom+" "+s.q.AidByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Item{}, errs.ErrNotFound
	} else if err != nil {
		return Item{}, err
	}
	lines, err := store.Select(ctx, q, scanKitLine, s.q.Components, id)
	for _, l := range lines {
		it.Components = append(it.Components, l.Component)
	}
	return it, err
}

type kitLine struct {
	kit int64
	Component
}

func scanKitLine(sc store.Scanner) (kitLine, error) {
	var l kitLine
	n := &l.names
	err := sc.Scan(&l.kit, &l.ItemID, &l.Code, &l.Quantity, &n[0], &n[1], &n[2], &n[3], &n[4])
	return l, err
}

func scanItem(sc store.Scanner) (Item, error) {
	var it Item
	n := &it.Names
	err := sc.Scan(&it.ID, &it.Code, &it.IsKit, &it.Sizing, &it.SerialTracked, &it.GradeMin, &it.GradeMax, &it.Unit,
		&n.EN, &n.KK, &n.RU, &n.FR, &n.FA, &it.Active, &it.Builtin, &it.Sort)
	return it, err
}

// audited is an item as the change log keeps it.
func (s *Service) record(ctx context.Context, tx *sql.Tx, p access.Principal, action string, before, after *Item) error {
	c := audit.Change{Action: action, Entity: "aid_item", After: after}
	if before != nil {
		c.Before = before
	}
	c.EntityID = itoa(after.ID)
	return s.log.Record(ctx, tx, p, c)
}

// Offer returns the catalogue entries campaign c offers, kits with their
// components, in the campaign's order. The catalogue is public knowledge:
// the public page of a campaign lists it, so no principal is asked.
func (s *Service) Offer(ctx context.Context, c Campaign) ([]Item, error) {
	all, err := s.items(ctx, s.db.R, true)
	if err != nil {
		return nil, err
	}
	byID := map[int64]Item{}
	for _, it := range all {
		byID[it.ID] = it
	}
	var out []Item
	for _, o := range c.Items {
		if it, ok := byID[o.ItemID]; ok {
			out = append(out, it)
		}
	}
	return out, nil
}
