package campaign

// Sizes lists the sizes a form offers for an item of sizing k: children's
// and adults' clothing by height in centimetres (the sizes of the
// interstate standard used in Kazakhstan, GOST 31399) followed by letter
// sizes, and shoes by European size; none for an item without sizes.
func Sizes(k Sizing) []string {
	switch k {
	case Clothes:
		return []string{"98", "104", "110", "116", "122", "128", "134", "140", "146", "152", "158", "164", "170", "176",
			"XS", "S", "M", "L", "XL", "XXL"}
	case Shoes:
		return []string{"26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41",
			"42", "43", "44", "45", "46"}
	}
	return nil
}

// ValidSize reports whether size is one item sizing k comes in ("" for an
// item without sizes).
func ValidSize(k Sizing, size string) bool {
	list := Sizes(k)
	if len(list) == 0 {
		return size == ""
	}
	return contains(list, size)
}
