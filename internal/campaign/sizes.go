package campaign

import "strconv"

// Sizes lists the sizes a form suggests for an item of sizing k: children's
// and adults' clothing by height in centimetres (the sizes of the
// interstate standard used in Kazakhstan, GOST 31399) followed by letter
// sizes, and shoes by European size; none for an item without sizes.
// Every size listed passes CheckSize, which also takes the sizes between.
func Sizes(k Sizing) []string {
	switch k {
	case Clothes:
		return []string{"98", "104", "110", "116", "122", "128", "134", "140", "146", "152", "158", "164", "170", "176",
			"XXS", "XS", "S", "M", "L", "XL", "XXL"}
	case Shoes:
		return []string{"26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41",
			"42", "43", "44", "45", "46"}
	}
	return nil
}

// What is wrong with a size, as CheckSize answers.
const (
	SizeOK            = ""
	SizeRequired      = "required"       // the item comes in sizes and none was given
	SizeInvalid       = "invalid"        // not a size the item comes in
	SizeNotApplicable = "not_applicable" // a size for an item without sizes
)

// letterSizes are the clothes sizes by letter.
var letterSizes = map[string]bool{"XXS": true, "XS": true, "S": true, "M": true, "L": true, "XL": true, "XXL": true}

// CheckSize is the one rule for the size of a request line: clothes come
// by letter (XXS–XXL) or by height in centimetres (50–200, as children's
// clothes are sized in Kazakhstan and Iran), shoes by European size, 16–50
// in halves, and an item without sizes takes none. size is taken as typed
// upper-cased and trimmed by the caller.
func CheckSize(k Sizing, size string) string {
	switch k {
	case Clothes:
		if size == "" {
			return SizeRequired
		}
		if n, err := strconv.Atoi(size); letterSizes[size] || err == nil && n >= 50 && n <= 200 {
			return SizeOK
		}
		return SizeInvalid
	case Shoes:
		if size == "" {
			return SizeRequired
		}
		if f, err := strconv.ParseFloat(size, 64); err == nil && f >= 16 && f <= 50 && f*2 == float64(int(f*2)) {
			return SizeOK
		}
		return SizeInvalid
	}
	if size != "" {
		return SizeNotApplicable
	}
	return SizeOK
}
