package people

import (
	"reflect"
	"strings"
)

// mergeFields are the fields of a record a merge fills when they are empty
// on the record kept. Names are left as the record kept has them: its
// name key is what searches and imports match on.
var mergeFields = []string{"birth_date", "sex", "national_id", "phone", "address", "languages", "special_needs", "notes"}

// fieldEmpty reports whether field f of p is unset.
func fieldEmpty(p Person, f string) bool {
	blank := Person{Sex: SexUnknown}
	copyField(&blank, p, f)
	return reflect.DeepEqual(blank, Person{Sex: SexUnknown}) || (f == "sex" && p.Sex == "")
}

// copyField sets field f of dst to its value in src; the ID number comes
// with its kind and the phone with its digits.
func copyField(dst *Person, src Person, f string) {
	switch f {
	case "birth_date":
		dst.BirthDate = src.BirthDate
	case "sex":
		dst.Sex = src.Sex
	case "national_id":
		dst.IDKind, dst.NationalID = src.IDKind, src.NationalID
	case "phone":
		dst.Phone, dst.phoneDigits = src.Phone, src.phoneDigits
	case "address":
		dst.Address = src.Address
	case "languages":
		dst.Languages = src.Languages
	case "special_needs":
		dst.SpecialNeeds = src.SpecialNeeds
	case "notes":
		dst.Notes = src.Notes
	}
}

// sameField reports whether field f is the same on a and b.
func sameField(a, b Person, f string) bool {
	x, y := Person{}, Person{}
	copyField(&x, a, f)
	copyField(&y, b, f)
	return reflect.DeepEqual(x, y)
}

func joinLanguages(l []string) string { return strings.Join(l, ",") }
