package linkage

import (
	"strings"

	"github.com/jolproject/jol/internal/linkage/names"
)

// A Lexicon interns the text values of one linkage run: every distinct
// spelling of a name, region or free field gets a code, and its
// normalised forms are computed once, however many records share it.
// Both lists of a link share one Lexicon, so equal codes mean equal
// values. A Lexicon is filled by one reader at a time and is read-only,
// and safe for concurrent use, while records are compared.
type Lexicon struct {
	raw   map[string]uint32 // value as written → code
	keys  map[string]uint32 // phonetic key → key code
	text  []string          // key code → phonetic key
	forms []forms           // by code; code 0 is the empty value
	solar map[Date]uint16   // solarDay of each birth date seen
}

// forms are the normalised forms of one value.
type forms struct {
	latin   string // Latin transliteration, lowercase a–z and spaces
	joined  string // latin without spaces: Ali Reza and Alireza meet
	surname string // Latin form without surname suffixes
	key     uint32 // code of the phonetic key of joined (0: none)
	head    uint32 // the first three bytes of the key
	place   uint32 // code of the placeKey, for values read as regions (0: none)
	father  uint32 // code of the key of the father's name, for values read as patronymics (0: none)
}

// NewLexicon returns an empty Lexicon.
func NewLexicon() *Lexicon {
	return &Lexicon{
		raw:   map[string]uint32{},
		keys:  map[string]uint32{"": 0},
		text:  []string{""},
		forms: []forms{{}},
		solar: map[Date]uint16{},
	}
}

// intern returns the code of value s (0 for an empty or blank value).
func (x *Lexicon) intern(s string) uint32 {
	if c, ok := x.raw[s]; ok {
		return c
	}
	t := strings.TrimSpace(s)
	if t == "" {
		return 0
	}
	f := forms{latin: names.Latin(t)}
	if f.latin == "" {
		// Nothing transliterable (digits, symbols): compare folded text.
		f.latin = names.Fold(t)
	}
	if f.latin == "" {
		return 0
	}
	f.joined = f.latin
	if strings.IndexByte(f.latin, ' ') >= 0 {
		f.joined = strings.ReplaceAll(f.latin, " ", "")
	}
	f.surname = strings.ReplaceAll(names.Surname(t), " ", "")
	k := names.KeyOfLatin(f.joined)
	f.key = x.keyCode(k)
	for i := 0; i < min(3, len(k)); i++ {
		f.head = f.head<<8 | uint32(k[i])
	}
	c := uint32(len(x.forms))
	x.forms = append(x.forms, f)
	// The caller's string may share memory with a whole line of input.
	x.raw[strings.Clone(s)] = c
	return c
}

// keyCode returns the code of key k, giving it one if it is new.
func (x *Lexicon) keyCode(k string) uint32 {
	kc, ok := x.keys[k]
	if !ok {
		kc = uint32(len(x.text))
		k = strings.Clone(k)
		x.keys[k] = kc
		x.text = append(x.text, k)
	}
	return kc
}

// region marks the value with code c as a region: it gets its placeKey.
func (x *Lexicon) region(c uint32) uint32 {
	if c != 0 && x.forms[c].place == 0 {
		x.forms[c].place = x.keyCode(placeKey(x.forms[c].latin))
	}
	return c
}

// patronymic marks the value with code c, written s, as a patronymic or
// a father's name: it gets the key of the father's name in it, on which
// Serikovna, Serikqyzy and Serik meet.
func (x *Lexicon) patronymic(c uint32, s string) uint32 {
	if c != 0 && x.forms[c].father == 0 {
		x.forms[c].father = x.keyCode(names.KeyOfLatin(strings.ReplaceAll(names.Patronymic(s), " ", "")))
	}
	return c
}

// Len returns the number of distinct values interned.
func (x *Lexicon) Len() int { return len(x.forms) - 1 }

// Latin returns the Latin form of the value with code c.
func (x *Lexicon) Latin(c uint32) string { return x.forms[c].latin }

// solarDay is the package's solarDay, remembered: lists of children hold
// a few thousand distinct birth dates.
func (x *Lexicon) solarDay(d Date) uint16 {
	if d == 0 {
		return 0
	}
	v, ok := x.solar[d]
	if !ok {
		v = solarDay(d)
		x.solar[d] = v
	}
	return v
}
