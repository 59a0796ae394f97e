package mentoring

import (
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/text"
)

type listParser struct {
	org                         branch
	known                       []string
	fields, bgs, langs, formats *imports.Matcher
	yesNo                       *imports.Matcher
	places                      placeIndex
}

// columnOf is the column a field error of the profile is shown against.
var columnOf = map[string]imports.Column{"name": ColName, "phone": ColPhone, "email": ColEmail, "contact": ColEmail,
	"background": ColBackground, "fields": ColFields, "languages": ColLanguages, "formats": ColFormats,
	"capacity": ColCapacity, "vetting": ColVetting, "vetting_document": ColVetting, "vetted_by": ColVettedBy,
	"vetting_expires": ColExpires}

// parse reads one row; a row is taken whole or not at all.
func (lp listParser) parse(f imports.Fields) (row, []imports.RowError) {
	var bad []imports.RowError
	choose := func(c imports.Column, m *imports.Matcher, cell string) string {
		code, ok := m.Find(cell)
		if !ok {
			bad = append(bad, imports.RowError{Line: f.Line, Column: string(c), Value: cell, Key: "error.invalid_choice"})
		}
		return code
	}
	in := Input{Name: f.Get(ColName), Phone: f.Get(ColPhone), Email: f.Get(ColEmail), OrgID: lp.org.id,
		Capacity: atoi(f.Get(ColCapacity))}
	if cell := f.Get(ColBackground); cell != "" {
		in.Background = Background(choose(ColBackground, lp.bgs, cell))
	}
	for _, cell := range imports.SplitCategories(f.Get(ColFields)) {
		in.Fields = append(in.Fields, choose(ColFields, lp.fields, cell))
	}
	for _, cell := range imports.SplitCategories(f.Get(ColLanguages)) {
		in.Languages = append(in.Languages, choose(ColLanguages, lp.langs, cell))
	}
	for _, cell := range imports.SplitCategories(f.Get(ColFormats)) {
		switch choose(ColFormats, lp.formats, cell) {
		case InPerson:
			in.InPerson = true
		case Online:
			in.Online = true
		}
	}
	if cell := f.Get(ColMinors); cell != "" {
		in.Minors = choose(ColMinors, lp.yesNo, cell) == "yes"
	}
	in.Vetting = Vetting{Document: f.Get(ColVetting), CheckedBy: f.Get(ColVettedBy)}
	in.Vetting.On = date(f, ColVettedOn, &bad)
	in.Vetting.Expires = date(f, ColExpires, &bad)
	if len(bad) > 0 { // a cell not understood: its reason alone, not the profile's consequences
		return row{}, bad
	}
	m, fs := profile(in, lp.known)
	code, ok := lp.places.match.Find(f.Get(ColRegion))
	if pl, in := lp.places.byCode[code]; ok && in {
		m.RegionCode, m.RegionPath, m.regionID = code, pl.path, pl.id
	} else {
		fs = append(fs, errs.Field("region", "error.mentor_region_outside"))
	}
	m.OrgPath = lp.org.path
	for _, e := range fs {
		c, ok := columnOf[e.Field]
		if !ok {
			c = imports.Column(e.Field)
		}
		bad = append(bad, f.Error(c, e.Key, e.Args...))
	}
	return row{line: f.Line, m: m}, bad
}

// date reads a date cell; blank is no date.
func date(f imports.Fields, c imports.Column, bad *[]imports.RowError) time.Time {
	cell := f.Get(c)
	if cell == "" {
		return time.Time{}
	}
	t, err := text.ParseDate(cell)
	if err != nil {
		*bad = append(*bad, f.Error(c, "error.mentor_date"))
	}
	return t
}
