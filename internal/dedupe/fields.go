package dedupe

import (
	"github.com/jolproject/jol/internal/linkage"
)

// The fields a scan compares, as the engine's comparators name them
// (linkage.FieldLevel).
const (
	FieldLast       = "last_name"
	FieldFirst      = "first_name"
	FieldPatronymic = "patronymic"
	FieldBirth      = "birth_date"
	FieldSex        = "sex"
	FieldNationalID = "national_id"
	FieldRegion     = "region"
)

// Fields lists the compared fields in the order pages show them.
func Fields() []string {
	return []string{FieldLast, FieldFirst, FieldPatronymic, FieldBirth, FieldSex, FieldNationalID, FieldRegion}
}

// Agreement is how one field of a pair compares.
type Agreement string

// The agreements of a field: the same, alike (one name in two scripts or
// spellings, a typo, a swapped day and month), different, or missing on
// either record.
const (
	Agree   Agreement = "agree"
	Alike   Agreement = "alike"
	Differ  Agreement = "differ"
	Missing Agreement = "missing"
)

// Agreements lists the agreements of a field.
func Agreements() []Agreement { return []Agreement{Agree, Alike, Differ, Missing} }

// agreementOf is what the reviewer reads for an engine's level.
func agreementOf(l linkage.Level) Agreement {
	switch l {
	case linkage.Agree:
		return Agree
	case linkage.Partial:
		return Alike
	case linkage.Disagree:
		return Differ
	}
	return Missing
}

// agreements maps each compared field of a pair to its agreement.
func agreements(fields []linkage.FieldLevel) map[string]Agreement {
	out := make(map[string]Agreement, len(fields))
	for _, f := range fields {
		out[f.Field] = agreementOf(f.Level)
	}
	return out
}
