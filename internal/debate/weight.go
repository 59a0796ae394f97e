package debate

import "math/bits"

// weight is a signed 128-bit integer. A pairing's cost ranks whole tiers
// of constraints lexicographically (a repeat outweighs any number of
// pull-ups, which outweigh any number of school clashes, …), and the
// product of the tiers' ranges outgrows int64 on large tournaments; the
// matcher needs only addition, subtraction, halving and comparison.
type weight struct {
	hi int64
	lo uint64
}

func wInt(x int64) weight {
	if x < 0 {
		return weight{-1, uint64(x)}
	}
	return weight{0, uint64(x)}
}

func (a weight) add(b weight) weight {
	lo, c := bits.Add64(a.lo, b.lo, 0)
	return weight{a.hi + b.hi + int64(c), lo}
}

func (a weight) sub(b weight) weight {
	lo, br := bits.Sub64(a.lo, b.lo, 0)
	return weight{a.hi - b.hi - int64(br), lo}
}

func (a weight) less(b weight) bool {
	return a.hi < b.hi || a.hi == b.hi && a.lo < b.lo
}

func (a weight) isZero() bool { return a.hi == 0 && a.lo == 0 }

func (a weight) negative() bool { return a.hi < 0 }

// half divides by two, rounding towards minus infinity.
func (a weight) half() weight {
	return weight{a.hi >> 1, a.lo>>1 | uint64(a.hi)<<63}
}

// mulSmall multiplies a non-negative weight by k; ok is false on overflow
// past 2¹²⁰, far beyond any tournament, which keeps room for the
// matcher's doubling.
func (a weight) mulSmall(k uint64) (weight, bool) {
	hi, lo := bits.Mul64(a.lo, k)
	h2, l2 := bits.Mul64(uint64(a.hi), k)
	if h2 != 0 {
		return weight{}, false
	}
	top, c := bits.Add64(hi, l2, 0)
	if c != 0 || top >= 1<<56 {
		return weight{}, false
	}
	return weight{int64(top), lo}, true
}
