package imports

import "github.com/jolproject/jol/internal/people"

// relationWords are the ways lists name a person's place in the family,
// folded by valueKey.
var relationWords = map[string]people.Relation{
	"child": people.Child, "son": people.Child, "daughter": people.Child, "бала": people.Child,
	"ұлы": people.Child, "қызы": people.Child, "ребенок": people.Child, "сын": people.Child, "дочь": people.Child,
	"فرزند": people.Child, "پسر": people.Child, "دختر": people.Child,
	"mother": people.Mother, "анасы": people.Mother, "ана": people.Mother, "мать": people.Mother, "مادر": people.Mother,
	"father": people.Father, "әкесі": people.Father, "әке": people.Father, "отец": people.Father, "پدر": people.Father,
	"guardian": people.Guardian, "қамқоршы": people.Guardian, "опекун": people.Guardian, "سرپرست": people.Guardian, "ولی": people.Guardian,
	"grandparent": people.Grandparent, "әжесі": people.Grandparent, "атасы": people.Grandparent, "бабушка": people.Grandparent,
	"дедушка": people.Grandparent, "مادربزرگ": people.Grandparent, "پدربزرگ": people.Grandparent,
	"sibling": people.Sibling, "brother": people.Sibling, "sister": people.Sibling, "брат": people.Sibling,
	"сестра": people.Sibling, "бауыры": people.Sibling, "برادر": people.Sibling, "خواهر": people.Sibling,
	"other": people.OtherRelation, "басқа": people.OtherRelation, "другое": people.OtherRelation, "سایر": people.OtherRelation,
}

// ParseRelation reads a relation cell; "" is a child, the usual case.
func ParseRelation(s string) (people.Relation, bool) {
	k := valueKey(s)
	if k == "" {
		return people.Child, true
	}
	r, ok := relationWords[k]
	return r, ok
}
