package linkage

// Level is how one field of a pair compares, on the scale all the
// comparators share (each grades finer within Partial).
type Level uint8

// The levels of a field.
const (
	Missing  Level = iota // either record lacks the field
	Agree                 // the same: one name in two scripts, the same date
	Partial               // alike: a spelling, a typo, a swapped day and month, a year apart
	Disagree              // different
)

// FieldLevel is one compared field of a pair.
type FieldLevel struct {
	Field  string  // the comparator's name: last_name, first_name, patronymic, birth_date, sex, national_id, region, or a free field's
	Level  Level   // how it compares
	Weight float64 // its part of the pair's weight under the model, log2(m/u); 0 when missing or without a model
}

// Pair is a pair of records a deduplication found: its weight, whether
// it was clustered (else it lies in the clerical band), and how each
// field compares.
type Pair struct {
	Left, Right int // record indices, Left < Right
	Weight      float64
	Clustered   bool
	Fields      []FieldLevel
}

// Compare grades each field records i and j of d both may have, the way
// the engine does, with the weights of model m; m nil compares with the
// comparators of d alone and gives no weights.
func Compare(d *Dataset, i, j int, m *Model) []FieldLevel {
	cs := comparators(d, d)
	if m != nil {
		cs = m.Comparators
	}
	lv := make([]uint8, len(cs))
	levels(cs, d, i, d, j, lv, nil)
	return fieldLevels(cs, lv, m)
}

// fieldLevels turns a pair's comparator levels into field levels.
func fieldLevels(cs []comparator, lv []uint8, m *Model) []FieldLevel {
	out := make([]FieldLevel, len(cs))
	for k, c := range cs {
		f := FieldLevel{Field: c.Name}
		switch l := int(lv[k]); {
		case l == 0:
			f.Level = Missing
		case l == 1:
			f.Level = Agree
		case l == c.Levels-1:
			f.Level = Disagree
		default:
			f.Level = Partial
		}
		if m != nil {
			f.Weight = m.Weights[k][lv[k]]
		}
		out[k] = f
	}
	return out
}
