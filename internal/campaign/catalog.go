package campaign

import (
	"regexp"
	"strings"

	"github.com/jolproject/jol/internal/errs"
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
